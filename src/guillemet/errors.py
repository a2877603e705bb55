"""Errors that reach the user as one line of text, never as a traceback.

Every failure a user can cause (a missing file, a binary file, a model that is not
installed) is raised as a `GuillemetError` subclass whose `str()` is the whole message;
the command line prints it and exits with status 2.
"""

from pathlib import Path


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
    """The chosen spaCy pipeline cannot be loaded: not an installed package, or a directory
    that holds no pipeline.

    The message is worded here from what `model` names, not where the failure was seen: the
    analysis process sends back only the model's name, and every place that raises this error
    must say the real problem (`pip install some/dir` is no advice for a directory).
    """

    def __init__(self, model: str) -> None:
        super().__init__(model_problem(model))
        self.model = model


def model_problem(model: str) -> str:
    """One line on why `model` (a package name or a directory) is not a usable pipeline."""
    path = Path(model).expanduser()
    if path.is_dir():
        if (path / "config.cfg").is_file():
            return f"the model directory {model!r} holds a spaCy config but could not be loaded"
        return (
            f"the model directory {model!r} is not a spaCy pipeline (it has no config.cfg); "
            "give a directory saved by spaCy's `nlp.to_disk` or an installed model's name"
        )
    if path.exists():
        return f"the model {model!r} is a file, not a spaCy pipeline directory or package name"
    if any(separator in model for separator in ("/", "\\")) or model.startswith((".", "~")):
        return f"the model directory {model!r} does not exist"
    package = model.replace("_", "-")
    return f"the spaCy model {model!r} is not installed: install it with `pip install {package}`"
