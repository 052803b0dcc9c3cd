"""A local HTTP server standing in for SOLAPI at the boundary: the SDK's real requests (its HMAC
Authorization header included) come here, are checked and recorded, and get answers shaped like SOLAPI's."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

AUTH = re.compile(
    r"HMAC-SHA256 ApiKey=(?P<key>[^,]+), Date=(?P<date>[^,]+), salt=(?P<salt>[^,]+), signature=(?P<sig>\w+)"
)


def group_info(total: int, failed: int) -> dict:
    zero = {"requested": 0, "replacement": 0, "refund": 0, "sum": 0}
    return {
        "count": {
            "total": total,
            "sentTotal": 0,
            "sentSuccess": 0,
            "sentPending": 0,
            "sentReplacement": 0,
            "refund": 0,
            "registeredFailed": failed,
            "registeredSuccess": total - failed,
        },
        "countForCharge": {},
        "balance": zero,
        "point": zero,
        "app": {"profit": {}, "appId": None},
        "log": [],
        "status": "SENDING",
        "allowDuplicates": False,
        "isRefunded": False,
        "accountId": "test-account",
        "masterAccountId": None,
        "apiVersion": "4",
        "groupId": f"G4V{uuid.uuid4().hex[:16].upper()}",
        "price": {},
        "dateCreated": "2026-12-02T00:00:00.000Z",
        "dateUpdated": "2026-12-02T00:00:00.000Z",
    }


class FakeSolapi:
    """``plan`` is a list of answers for the next requests ("ok", "reject", "500", "timeout"); after it
    runs out every request is "ok". ``accepted`` holds the messages the gateway took."""

    def __init__(self, *, api_key: str, api_secret: str):
        self.api_key, self.api_secret = api_key, api_secret
        self.plan: list[str] = []
        self.accepted: list[dict] = []
        self.requests: list[dict] = []
        self.bad_signatures = 0
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                fake.handle(self, body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def signed(self, header: str) -> bool:
        found = AUTH.match(header or "")
        if not found or found["key"] != self.api_key:
            return False
        expected = hmac.new(
            self.api_secret.encode(), (found["date"] + found["salt"]).encode(), hashlib.sha256
        ).hexdigest()
        return hmac.compare_digest(expected, found["sig"])

    def handle(self, handler, body: bytes):
        with self.lock:
            answer = self.plan.pop(0) if self.plan else "ok"
            payload = json.loads(body or b"{}")
            self.requests.append({"path": handler.path, "payload": payload, "answer": answer})
        if not self.signed(handler.headers.get("Authorization", "")):
            self.bad_signatures += 1
            return self.reply(
                handler, 401, {"errorCode": "InvalidSignature", "errorMessage": "bad signature"}
            )
        if handler.path != "/messages/v4/send-many/detail":
            return self.reply(handler, 404, {"errorCode": "NotFound", "errorMessage": handler.path})
        if answer == "timeout":
            time.sleep(6)  # longer than the SDK waits (5 s): it gives up, and nothing was taken
            handler.close_connection = True
            return None
        if answer == "500":
            return self.reply(handler, 502, {"errorCode": "UnknownError", "errorMessage": "bad gateway"})
        messages = payload.get("messages", [])
        if answer == "reject":
            failed = [
                {
                    "to": m["to"],
                    "from": m.get("from"),
                    "type": m.get("type", "ATA"),
                    "statusMessage": "템플릿 내용이 등록된 것과 달라요",
                    "country": "82",
                    "messageId": f"M4V{uuid.uuid4().hex[:16].upper()}",
                    "statusCode": "3034",
                    "accountId": "test-account",
                }
                for m in messages
            ]
            return self.reply(
                handler,
                200,
                {
                    "failedMessageList": failed,
                    "groupInfo": group_info(len(messages), len(messages)),
                    "messageList": [],
                },
            )
        items = []
        for m in messages:
            message_id = f"M4V{uuid.uuid4().hex[:16].upper()}"
            with self.lock:
                self.accepted.append({**m, "messageId": message_id})
            items.append({"messageId": message_id, "statusCode": "2000", "statusMessage": "정상 접수"})
        return self.reply(
            handler,
            200,
            {"failedMessageList": [], "groupInfo": group_info(len(messages), 0), "messageList": items},
        )

    @staticmethod
    def reply(handler, status: int, data: dict):
        raw = json.dumps(data, ensure_ascii=False).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(raw)))
        handler.end_headers()
        handler.wfile.write(raw)
