"""URLs, against a local HTTP server on 127.0.0.1: good pages, HTTP errors, slow servers."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from guillemet.errors import InputError
from guillemet.inputs import load_article, load_articles, sources

ROOT = Path(__file__).resolve().parents[2]
NEWS_PAGE = (ROOT / "tests" / "fixtures" / "inputs" / "echo-du-soir-lecornu.html").read_bytes()
TIMEOUT = 0.5


class Handler(BaseHTTPRequestHandler):
    """Serves the routes the tests need; each shows one way a download goes right or wrong."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        name = self.path.strip("/").replace("-", "_").replace(".", "_")
        route = getattr(self, "route_" + name, None)
        if route is None:
            self.send_error(404, "Not Found")
        else:
            route()

    def reply(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def route_article(self) -> None:
        self.reply(NEWS_PAGE, "text/html; charset=utf-8")

    def route_cp1252_text(self) -> None:
        self.reply(self.server.sample_text.encode("cp1252"), "text/plain; charset=windows-1252")

    def route_note_md(self) -> None:
        self.reply("# Note\n\nIl a dit : *« oui »*.\n".encode(), "text/plain; charset=utf-8")

    def route_moved(self) -> None:
        self.send_response(301)
        self.send_header("Location", "/article")
        self.end_headers()

    def route_pdf(self) -> None:
        self.reply(b"%PDF-1.7\n", "application/pdf")

    def route_broken(self) -> None:
        self.send_error(500, "Internal Server Error")

    def route_slow(self) -> None:
        time.sleep(TIMEOUT * 3)
        self.reply(NEWS_PAGE, "text/html")

    def route_trickle(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        for _ in range(12):  # one byte every 0.2 s: no single read times out, the whole does
            self.wfile.write(b"a")
            self.wfile.flush()
            time.sleep(0.2)

    def route_huge(self) -> None:
        self.reply(b"a" * 4096, "text/plain")

    def log_message(self, format: str, *args: object) -> None:  # keep the test output quiet
        pass


class QuietServer(ThreadingHTTPServer):
    """A server whose clients hang up early on purpose (timeouts): that is not an error here."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@pytest.fixture(scope="module")
def server(sample_text: str) -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    httpd.sample_text = sample_text
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def problem(url: str) -> str:
    with pytest.raises(InputError) as caught:
        load_article(url, timeout=TIMEOUT)
    assert caught.value.source == url
    assert "\n" not in str(caught.value)
    return caught.value.problem


def test_a_news_page_is_fetched_and_extracted(server: str, sample_text: str) -> None:
    url = f"{server}/article"
    article = load_article(url, timeout=TIMEOUT)
    assert article.text == sample_text.rstrip("\n")
    assert (article.source, article.kind, article.author) == (url, "html", "Claire Dubois")


def test_a_redirect_is_followed_and_the_final_address_kept(server: str) -> None:
    article = load_article(f"{server}/moved", timeout=TIMEOUT)
    assert article.source == f"{server}/moved"
    assert article.kind == "html"


def test_plain_text_uses_the_charset_the_server_declares(server: str, sample_text: str) -> None:
    article = load_article(f"{server}/cp1252-text", timeout=TIMEOUT)
    assert (article.text, article.encoding, article.kind) == (
        sample_text.rstrip("\n"),
        "cp1252",
        "text",
    )
    assert article.extra["url"] == f"{server}/cp1252-text"


def test_raw_markdown_served_as_plain_text_is_read_as_markdown(server: str) -> None:
    article = load_article(f"{server}/note.md", timeout=TIMEOUT)
    assert (article.kind, article.title, article.text) == (
        "markdown",
        "Note",
        "Note\n\nIl a dit : « oui ».",
    )


def test_http_404(server: str) -> None:
    assert problem(f"{server}/missing") == "HTTP 404 Not Found"


def test_http_500(server: str) -> None:
    assert problem(f"{server}/broken") == "HTTP 500 Internal Server Error"


def test_a_server_slower_than_the_timeout(server: str) -> None:
    assert problem(f"{server}/slow") == "timed out after 0.5 s"


def test_a_server_trickling_bytes_past_the_timeout(server: str) -> None:
    assert problem(f"{server}/trickle") == "timed out after 0.5 s"


def test_a_pdf_is_not_a_page(server: str) -> None:
    assert problem(f"{server}/pdf") == "is not a web page or text (the server sent application/pdf)"


def test_a_download_over_the_size_limit(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "MAX_BYTES", 1024)
    assert problem(f"{server}/huge").startswith("is too large")


def test_nobody_listening_is_could_not_connect() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert problem(f"http://127.0.0.1:{port}/") == "could not connect (connection refused)"


def test_an_unknown_host_is_could_not_connect() -> None:
    assert problem("http://nonexistent.invalid/").startswith("could not connect")


def test_one_failing_url_does_not_stop_the_others(server: str) -> None:
    results = load_articles([f"{server}/missing", f"{server}/article"], timeout=TIMEOUT)
    assert isinstance(results[0], InputError)
    assert results[1].kind == "html"
