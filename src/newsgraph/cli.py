"""The ``newsgraph`` command: thin shells over the library (parse, build settings, call, render).

Only this module prints. A ``NewsgraphError`` becomes one line on stderr and exit
status 1; bad *inputs* are counted in the summary instead, and the exit status is
non-zero only when nothing at all could be read.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .errors import NewsgraphError
from .settings import make_settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn news into verifiable, structured knowledge.")
err = Console(stderr=True)

INPUTS_HELP = "Files, directories (read recursively) or - for standard input."
ENGINE_HELP = "Where analysis runs: local, or dask (needs the dask extra; env NEWSGRAPH_ENGINE)."
SCHEDULER_HELP = ("Dask scheduler address for --engine dask (env NEWSGRAPH_SCHEDULER); "
                  "default: a local cluster of --workers processes on 127.0.0.1.")


def _setup_logging(verbose: int) -> None:
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def _fail(exc: NewsgraphError) -> None:
    # escaped: messages name extras like 'newsgraph[serve]', which rich would take for markup
    err.print(f"[red]error[/red] {escape(str(exc))}", highlight=False)
    raise typer.Exit(1)


def _render_summary(summary, *, title: str = "newsgraph analyze") -> None:
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    table.add_row("files read", str(summary.files))
    table.add_row("articles analysed", str(summary.analysed))
    if summary.already_done:
        table.add_row("already done (resumed)", str(summary.already_done))
    rejected = sum(summary.rejected.values())
    table.add_row("rejected", str(rejected) + (
        "  (" + ", ".join(f"{k}: {v}" for k, v in sorted(summary.rejected.items())) + ")" if rejected else ""))
    if summary.skipped:
        table.add_row("skipped (not articles)", ", ".join(f"{k}: {v}" for k, v in sorted(summary.skipped.items())))
    if summary.dropped:
        table.add_row("malformed fields dropped", ", ".join(f"{k}: {v}" for k, v in sorted(summary.dropped.items())))
    if summary.quarantined:
        table.add_row("corrupt lines moved out", f"{summary.quarantined} (to OUTPUT.corrupt.jsonl)")
    for kind, n in summary.as_dict()["facts"].items():
        table.add_row(kind, str(n))
    table.add_row("speed", f"{summary.articles_per_s:.1f} articles/s, "
                           f"{summary.words / summary.seconds if summary.seconds else 0:.0f} words/s")
    table.add_row("model", summary.model)
    table.add_row("output", str(summary.output))
    err.print(table)
    for r in summary.rejected_examples[:5]:
        err.print(f"  [yellow]rejected[/yellow] {r.origin}: {r.reason} {r.detail}", highlight=False)


def _render_stories(counts: dict, out: str | None) -> None:
    from .run import stories_summary

    s = stories_summary(counts)
    table = Table(title="stories", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    for key, value in s.items():
        table.add_row(key, value)
    if out:
        table.add_row("output", out)
    err.print(table)


@app.command()
def analyze(
    inputs: List[str] = typer.Argument(..., help=INPUTS_HELP),
    output: Optional[str] = typer.Option(None, "-o", "--output",
                                         help="JSONL output path, - for standard output (the default without --db)."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline (env NEWSGRAPH_MODEL)."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", help="Processes (env NEWSGRAPH_WORKERS)."),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", help="Articles per nlp.pipe batch."),
    engine: Optional[str] = typer.Option(None, "--engine", help=ENGINE_HELP),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help=SCHEDULER_HELP),
    resume: bool = typer.Option(False, "--resume", help="Keep OUTPUT's records and skip articles already in it."),
    db: Optional[str] = typer.Option(None, "--db", help="Also keep everything in this database: a SQLite path "
                                     "(e.g. newsgraph.db) or a postgresql:// URL; articles done already are skipped."),
    reanalyse: bool = typer.Option(False, "--reanalyse", help="With --db: redo articles analysed by other "
                                   "extractor or lexicon versions."),
    stories: Optional[str] = typer.Option(None, "--stories", help="Also group into stories, written to this JSON path."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
    verbose: int = typer.Option(0, "--verbose", "-v", count=True, help="More logging (-vv for debug)."),
) -> None:
    """Analyse articles: entities, quotes, events, figures, dates, places (one JSON line each, in input order)."""
    import contextlib

    from .run import run_analyze

    _setup_logging(verbose)
    if output is None:
        output = None if db else "-"
    try:
        settings = make_settings({"model": model, "workers": workers, "batch_size": batch_size,
                                  "engine": engine, "scheduler": scheduler})
        show = not quiet
        with contextlib.ExitStack() as stack:
            sinks = []
            if db:
                from .store.sink import store_sink

                sinks.append(stack.enter_context(store_sink(db, model=settings.model, reanalyse=reanalyse)))
            with Progress(SpinnerColumn(), TextColumn("[progress.description]{task.description}"),
                          BarColumn(bar_width=None), TextColumn("{task.completed} done"),
                          TimeElapsedColumn(), console=err, transient=True, disable=not show) as progress:
                task = progress.add_task("analysing", total=None)
                summary = run_analyze(inputs, output, settings=settings, resume=resume,
                                      stdin=sys.stdin.buffer, stories_out=stories,
                                      on_article=lambda _r: progress.advance(task), sinks=sinks)
            if db:
                summary.output = f"{output or '-'} + database {sinks[0].store.url}" if output else sinks[0].store.url
    except NewsgraphError as exc:
        _fail(exc)
    if show:
        _render_summary(summary)
        if summary.story_counts is not None:
            _render_stories(summary.story_counts, None if stories == "-" else stories)
    if summary.read == 0:
        err.print("[red]nothing could be read[/red] from the inputs given")
        raise typer.Exit(2)


@app.command("stories")
def stories_cmd(
    inputs: List[str] = typer.Argument(..., help="Analysed JSONL (from analyze) or input articles in any format."),
    output: str = typer.Option("-", "-o", "--output", help="Stories JSON path, - for standard output."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline, when inputs need analysing."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", help="Processes, when inputs need analysing."),
    engine: Optional[str] = typer.Option(None, "--engine", help=ENGINE_HELP),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help=SCHEDULER_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary."),
    verbose: int = typer.Option(0, "--verbose", "-v", count=True, help="More logging (-vv for debug)."),
) -> None:
    """Group articles into stories; find syndicated copies, merged events and discrepancies."""
    from .run import run_stories

    _setup_logging(verbose)
    try:
        settings = make_settings({"model": model, "workers": workers, "engine": engine,
                                  "scheduler": scheduler})
        counts, n = run_stories(inputs, output, settings=settings, stdin=sys.stdin.buffer)
    except NewsgraphError as exc:
        _fail(exc)
    if not quiet:
        _render_stories(counts, None if output == "-" else output)
    if n == 0:
        err.print("[red]nothing could be read[/red] from the inputs given")
        raise typer.Exit(2)


@app.command("export")
def export_cmd(
    db: str = typer.Option("newsgraph.db", "--db", help="The database: a SQLite path or a postgresql:// URL."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv or parquet (parquet needs pyarrow)."),
    table: Optional[str] = typer.Option(None, "--table", "-t", help="events, quotes, figures, dates, places, "
                                        "entities, articles, stories, story_members, merged_events, syndication, "
                                        "discrepancies, rejections. Default: the SCHEMA records (jsonl) or articles."),
    output: str = typer.Option("-", "-o", "--output", help="Output path, - for standard output."),
) -> None:
    """Export the database as tidy tables; JSONL without --table gives the analysed articles' SCHEMA records."""
    from .store import Store
    from .store.export import export

    _setup_logging(0)
    try:
        if "://" not in db and not Path(db).exists():
            raise NewsgraphError(f"no database at {db} (analyse into it first: newsgraph analyze ... --db {db})")
        with Store(db) as store:
            n = export(store, fmt=fmt, table=table, out=output)
    except NewsgraphError as exc:
        _fail(exc)
    err.print(f"{n} rows exported" + (f" to {output}" if output != "-" else ""))


@app.command()
def ingest(
    inputs: List[str] = typer.Argument(..., help=INPUTS_HELP),
    output: str = typer.Option("-", "-o", "--output", help="JSONL of SCHEMA input records, - for stdout."),
    verbose: int = typer.Option(0, "--verbose", "-v", count=True, help="More logging (-vv for debug)."),
) -> None:
    """Read inputs into SCHEMA input records (JSONL) without analysing them; list what was rejected."""
    from .ingest import read_inputs
    from .model import Rejected
    from .store import JsonlSink

    _setup_logging(verbose)
    read = rejected = 0
    try:
        with JsonlSink(output) as sink:
            for item in read_inputs(inputs, stdin=sys.stdin.buffer):
                if isinstance(item, Rejected):
                    rejected += 1
                    err.print(f"[yellow]rejected[/yellow] {item.origin}: {item.reason} {item.detail}",
                              highlight=False)
                    continue
                read += 1
                sink.write({"id": item.id, "url": item.url, "source": item.source, "title": item.title,
                            "published": item.published, "text": item.text})
    except NewsgraphError as exc:
        _fail(exc)
    err.print(f"{read} articles read, {rejected} rejected")
    if read == 0:
        raise typer.Exit(2)


def _actor(a) -> str:
    if a is None:
        return "?"
    return f"{a.name} ({a.code})" if a.code else a.name


@app.command()
def show(
    path: str = typer.Argument(..., help="Analysed JSONL written by `newsgraph analyze`."),
    limit: int = typer.Option(5, "--limit", "-n", help="How many articles to show."),
) -> None:
    """Print a readable digest of analysed articles: who said what, who did what, when, how many."""
    import itertools

    from .store import read_analysed

    _setup_logging(0)
    out = Console()
    skipped: list[tuple[int, str]] = []
    records = read_analysed(path, skipped=skipped)  # streamed: a digest of a huge file stays small
    try:
        shown = list(itertools.islice(records, max(limit, 0)))
        more = sum(1 for _ in records)
    except OSError as exc:
        err.print(f"[red]error[/red] cannot read {path}: {exc.strerror or exc}")
        raise typer.Exit(1)
    for a in shown:
        out.rule(f"[bold]{a.title or a.id}[/bold]  {a.source or ''} {a.published or ''}".strip())
        people = [f"{e.name}" + (f" ({e.country or '-'}, {e.role})" if e.role else "")
                  for e in a.entities if e.type == "PERSON"]
        if people:
            out.print("[bold]people[/bold] " + "; ".join(people), highlight=False)
        for q in a.quotes[:4]:
            who = q.speaker.name if q.speaker else "unknown"
            out.print(f"[bold]said[/bold] {who} ({q.kind}, {q.cue}): “{q.text[:110]}”", highlight=False)
        # the article's main reported actions first (document order kept within each group)
        for e in sorted(a.events, key=lambda ev: not ev.main)[:4]:
            flags = " negated" if e.negated else ""
            label = "event" if e.main else "background"
            where = f" in {e.place}" if e.place else ""
            out.print(f"[bold]{label}[/bold] {_actor(e.source)} {e.type}{flags} {_actor(e.target)}"
                      f"{where}  [{e.date or '-'}] “{e.trigger}”", highlight=False)
        for f in a.figures[:4]:
            out.print(f"[bold]figure[/bold] {f.kind} {f.value:,} {f.unit or ''}"
                      f"{' (approx.)' if f.approximate else ''}{' in ' + f.place.name if f.place else ''}"
                      f"{' per ' + f.source if f.source else ''}", highlight=False)
        if a.places:
            out.print("[bold]places[/bold] " + "; ".join(_place_label(p) for p in _distinct_places(a.places)[:8]),
                      highlight=False)
        if a.dates:
            out.print("[bold]dates[/bold] " + "; ".join(f"{d.text} → {d.value}" for d in a.dates[:6]),
                      highlight=False)
    if more:
        out.print(f"… {more} more articles in {path}")
    if skipped:
        err.print(f"[yellow]{len(skipped)} line(s) skipped[/yellow], not analysed articles "
                  f"(first: line {skipped[0][0]}: {skipped[0][1][:120]})", highlight=False)


def _distinct_places(places) -> list:
    """One entry per resolved record (or per unresolved name), in order of first mention."""
    seen, out = set(), []
    for p in places:
        k = p.geonameid if p.geonameid is not None else p.name
        if k not in seen:
            seen.add(k)
            out.append(p)
    return out


def _place_label(p) -> str:
    if p.lat is None:
        return f"{p.name} (unresolved)"
    within = getattr(p, "within", None)
    where = ", ".join(x for x in (within and f"in {within}",
                                  p.admin1 if p.admin1 not in (p.name, within) else None, p.country) if x)
    return f"{p.name} ({where}; {p.lat:.2f}, {p.lon:.2f})"


@app.command()
def serve(
    db: str = typer.Option("newsgraph.db", "--db", help="The database: a SQLite path or a postgresql:// URL."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (127.0.0.1: this machine only)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Server processes (one per core serves most)."),
) -> None:
    """Serve the HTTP API (/api, OpenAPI at /docs) and the web desk over a database (needs the serve extra).

    POST /api/articles is enabled when NEWSGRAPH_TOKEN is set (clients send it as a bearer token).
    """
    import os

    _setup_logging(0)
    try:
        import uvicorn

        from .api import create_app
    except ImportError as exc:
        _fail(NewsgraphError(f"serve needs the serve extra ({exc.name} is missing): "
                             "pip install 'newsgraph[serve]'"))
    try:
        if "://" not in db and not Path(db).exists():
            raise NewsgraphError(f"no database at {db} (analyse into it first: newsgraph analyze ... --db {db})")
        asgi = create_app(db, token=os.environ.get("NEWSGRAPH_TOKEN"))  # opens (and migrates) it once here
    except NewsgraphError as exc:
        _fail(exc)
    err.print(f"newsgraph desk on http://{host}:{port}/  (API under /api, docs at /docs; Ctrl-C stops)")
    if workers == 1:
        from .api.asgi import settle

        uvicorn.run(settle(asgi), host=host, port=port, log_level="warning", access_log=False)
        return
    asgi.app.state.store.close()
    os.environ["NEWSGRAPH_SERVE_DB"] = db
    uvicorn.run("newsgraph.api.asgi:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level="warning", access_log=False)  # no access lines (warnings only): none formatted either


@app.command()
def version() -> None:
    """Print the newsgraph version, the spaCy pipeline found and the extractors registered."""
    from .extract import extractors
    from .nlp import load_pipeline, pipeline_label

    typer.echo(f"newsgraph {__version__}")
    try:
        typer.echo(f"model {pipeline_label(load_pipeline(make_settings().model))}")
    except NewsgraphError as exc:
        _fail(exc)
    typer.echo("extractors " + " ".join(e.name for e in extractors()))


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
