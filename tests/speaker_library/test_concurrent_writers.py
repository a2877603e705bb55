"""Several processes recording into one library at once: nothing lost, nothing twice, no error.

Each writer records every article of a shared list (in its own order) plus its own articles;
an article is recorded once whoever gets there first, and the FTS index stays in step.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from guillemet.speaker_library import open_library

WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {tests!r})
    from library_samples import article
    from guillemet.speaker_library import open_library

    me, count, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    library, _ = open_library(path)
    shared = [article(f"shared-{{i}}.txt", "Partagé", None, [("Barack Obama", "person", "Barack Obama", f"phrase commune {{i}}")])
              for i in range(count)]
    own = [article(f"{{me}}-{{i}}.txt", "Propre", None, [("HRW", "organisation", "HRW", f"phrase {{me}} {{i}}")])
           for i in range(count)]
    order = shared if me.endswith(("0", "2")) else list(reversed(shared))
    for analysis, text in [item for pair in zip(order, own) for item in pair]:
        library.record(analysis, text)
    library.close()
    """
)


def test_writers_in_parallel(tmp_path: Path) -> None:
    path = tmp_path / "speakers.sqlite3"
    count, writers = 25, 3
    script = WRITER.format(tests=str(Path(__file__).resolve().parent))
    processes = [
        subprocess.Popen([sys.executable, "-c", script, f"w{n}", str(count), str(path)], stderr=subprocess.PIPE, text=True)
        for n in range(writers)
    ]
    errors = [p.communicate(timeout=120)[1] for p in processes]
    assert [p.returncode for p in processes] == [0] * writers, errors
    library, notice = open_library(path)
    with library:
        assert notice is None
        assert library.article_count() == count + writers * count
        assert len(library.who("Barack Obama")[1]) == count
        assert len(library.who("HRW")[1]) == writers * count
        assert len(library.search("commune")) == count
