class MajubomError(Exception):
    """A rule of the domain was broken; ``message`` is Korean text a resident or provider can read."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
