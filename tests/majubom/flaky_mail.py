"""An email backend for tests that fails like a flaky SMTP server, then delivers to locmem's outbox."""

import smtplib
import threading

from django.core.mail.backends.locmem import EmailBackend


class FlakyBackend(EmailBackend):
    failures_left = 0
    lock = threading.Lock()

    def send_messages(self, messages):
        with FlakyBackend.lock:
            if FlakyBackend.failures_left > 0:
                FlakyBackend.failures_left -= 1
                raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)
