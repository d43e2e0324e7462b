"""The one error the clean stage raises."""


class CleanError(ValueError):
    """The input holds no article the pipeline can use; the message says what is wrong."""
