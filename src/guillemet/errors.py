"""Errors that reach the user as one line of text, never as a traceback.

Every failure a user can cause (a missing file, a binary file, a model that is not
installed) is raised as a `GuillemetError` subclass whose `str()` is the whole message;
the command line prints it and exits with status 2.
"""


class GuillemetError(Exception):
    """A failure explained to the user in one line."""

    exit_status = 2


class InputError(GuillemetError):
    """An input (file, URL, standard input) that cannot be opened as an article."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ModelNotInstalledError(GuillemetError):
    """The chosen spaCy pipeline is not installed in this environment."""

    def __init__(self, model: str) -> None:
        package = model.replace("_", "-")
        super().__init__(
            f"the spaCy model {model!r} is not installed: install it with "
            f"`pip install {package}`"
        )
        self.model = model
