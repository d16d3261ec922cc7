"""``her2qa``: a thin command line over the library."""

from __future__ import annotations

import re

import json
import os
import sys
import time

import click

from . import __version__, use_offline_environment
from .settings import Settings


def load_settings(**overrides) -> Settings:
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except Exception as exc:  # pydantic validation error → readable message
        raise click.ClickException(f"invalid settings: {exc}") from exc


def describe_error(exc: BaseException) -> str:
    """One line for the user: the message of errors we raise on purpose, the kind and gist of others."""
    from .corpus import CorpusError
    from .embedding import ModelUnavailable
    from .reader import ParseError
    from .store import IndexUnavailable

    if isinstance(exc, (IndexUnavailable, CorpusError, ParseError, ModelUnavailable)):
        return str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        where = f": {exc.filename}" if exc.filename else ""
        return f"{exc.strerror}{where}"
    text = " ".join(str(exc).split())
    text = text[:300] + ("…" if len(text) > 300 else "")
    return (f"unexpected error ({type(exc).__name__}{': ' + text if text else ''}). "
            f"Set HER2QA_DEBUG=1 to see the traceback.")


class _Main(click.Group):
    """Every failure ends in one readable line and a non-zero exit, never a traceback
    (unless HER2QA_DEBUG=1)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except RecursionError as exc:
            raise click.ClickException(describe_error(exc)) from None
        except Exception as exc:
            if os.environ.get("HER2QA_DEBUG"):
                raise
            raise click.ClickException(describe_error(exc)) from None


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="her2qa")
def main() -> None:
    """Citation-first question answering over Tapia et al., Cancers 2023 (HER2+ metastatic BC)."""
    use_offline_environment()  # this process is ours: pin every library offline


@main.command()
@click.option("--force", is_flag=True, help="Rebuild even if the index matches the corpus.")
@click.option("--index-dir", type=click.Path(file_okay=False), default=None, help="Where to write the index.")
@click.option("--corpus-dir", type=click.Path(file_okay=False), default=None, help="Folder of articles.")
def build(force: bool, index_dir: str | None, corpus_dir: str | None) -> None:
    """Parse the corpus, chunk it and embed it into Chroma (skipped when nothing changed)."""
    from tqdm import tqdm

    from .corpus import Corpus, CorpusError
    from .store import IndexUnavailable, build_index, total_embeddings

    settings = load_settings(index_dir=index_dir, corpus_dir=corpus_dir)
    started = time.perf_counter()
    try:
        corpus = Corpus.load(settings)
    except (CorpusError, ValueError, OSError) as exc:
        raise click.ClickException(describe_error(exc)) from exc
    parsed = time.perf_counter() - started
    for warning in corpus.warnings:
        click.echo(f"Warning: {warning}", err=True)
    with tqdm(total=total_embeddings(corpus), desc="embedding", unit="text", disable=None, file=sys.stderr) as bar:
        try:
            report = build_index(settings, corpus, force=force, progress=bar.update)
        except IndexUnavailable as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(build_summary(corpus, report, parsed, time.perf_counter() - started, settings))


def build_summary(corpus, report, parsed_s: float, total_s: float, settings: Settings) -> str:
    from collections import Counter

    kinds = Counter(c.kind for c in corpus.chunks)
    lines = ["Index is up to date; nothing to do (use --force to rebuild)." if report.skipped
             else f"Built index in {settings.chroma_url or settings.index_dir}"]
    for doc in corpus.documents:
        numbered = [s for s in doc.sections if s.kind == "body"]
        subs = [s for s in doc.sections if s.kind == "subheading"]
        lines.append(f"  article     {doc.source}")
        lines.append(f"  sections    {len(numbered)} numbered, {len(subs)} sub-headings")
        lines.append(f"  paragraphs  {sum(p.kind == 'text' for p in doc.paragraphs)} body, "
                     f"{sum(p.kind == 'abstract' for p in doc.paragraphs)} abstract, "
                     f"{sum(p.kind == 'backmatter' for p in doc.paragraphs)} back matter")
        lines.append(f"  tables      {len(doc.tables)} ({sum(len(t.rows) for t in doc.tables)} rows)")
        lines.append(f"  figures     {len(doc.figures)}")
        lines.append(f"  references  {len(doc.references)}")
    lines.append("  chunks      " + f"{len(corpus.chunks)} (" +
                 ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) + ")")
    lines.append(f"  model       {settings.embed_model}")
    lines.append(f"  time        {total_s:.1f} s (parse+chunk {parsed_s:.2f} s)")
    if report.timings:
        lines.append("  stages      " + ", ".join(f"{k} {v:.1f} s" for k, v in report.timings.items()))
    for warning in corpus.warnings:
        lines.append(f"  warning     {warning}")
    return "\n".join(lines)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the full parsed structure as JSON.")
@click.option("--corpus-dir", type=click.Path(file_okay=False), default=None, help="Folder of articles.")
def inspect(as_json: bool, corpus_dir: str | None) -> None:
    """Print the parsed outline, tables and reference list."""
    from .corpus import Corpus, CorpusError

    settings = load_settings(corpus_dir=corpus_dir)
    try:
        corpus = Corpus.load(settings)
    except (CorpusError, ValueError, OSError) as exc:
        raise click.ClickException(describe_error(exc)) from exc
    if as_json:
        payload = [doc.model_dump(mode="json", exclude={"text"}) for doc in corpus.documents]
        click.echo(json.dumps(payload if len(payload) > 1 else payload[0], ensure_ascii=False, indent=1))
        return
    for doc in corpus.documents:
        click.echo(outline(doc))


def outline(doc) -> str:
    meta = doc.meta
    out = [f"Warning: {w}" for w in doc.warnings] + ([""] if doc.warnings else [])
    out += [meta.title, f"{', '.join(meta.authors)}",
           f"{meta.journal} {meta.date};{meta.volume}({meta.issue}):{meta.pages}  doi:{meta.doi}  "
           f"PMID {meta.pmid}  {meta.pmcid}", f"Keywords: {', '.join(meta.keywords)}",
            f"Licence: {meta.licence or 'not stated'}", "", "Outline"]
    for section in doc.sections:
        count = sum(1 for p in doc.paragraphs if p.section == section.key)
        indent = "  " * (section.level - 1)
        label = section.label if section.number else f"[{section.title}]" if section.kind == "subheading" else section.title
        out.append(f"  {indent}{label}  ({count} ¶)" if count else f"  {indent}{label}")
    for table in doc.tables:
        out += ["", f"Table {table.number}. {table.caption}  ({len(table.rows)} rows)",
                "  " + " | ".join(table.columns)]
        for row in table.rows:
            out.append("  " + " | ".join(row.cells.get(c) or "-" for c in table.columns))
        if table.footnote:
            out.append(f"  {table.footnote}")
    for figure in doc.figures:
        out.append(f"\nFigure {figure.number}. {figure.caption}")
    out += ["", f"References ({len(doc.references)})"]
    for ref in doc.references:
        out.append(f"  [{ref.number}] {ref.short}" + (f"  doi:{ref.doi}" if ref.doi else ""))
    return "\n".join(out)


def _assistant(settings: Settings):
    from .assistant import Assistant
    from .corpus import CorpusError
    from .embedding import ModelUnavailable
    from .store import IndexUnavailable

    try:
        return Assistant(settings)
    except (IndexUnavailable, CorpusError, ValueError, ModelUnavailable, OSError) as exc:
        raise click.ClickException(describe_error(exc)) from exc


def format_answer(answer, show_sources: bool = True) -> str:
    """Human-readable answer with numbered sources and the review's references."""
    if answer.error:
        return f"Error: {answer.error}"
    lines = [f"Read as: {answer.read_as}", ""] if answer.read_as else []
    lines.append(answer.answer)
    if answer.notice:
        lines += ["", f"Note: {answer.notice}"]
    if answer.abstained and answer.related:
        lines += ["", "Related passages (not evidence):"]
        for r in answer.related:
            lines.append(f"  - §{r.section}: {r.text[:160]}{'…' if len(r.text) > 160 else ''}")
    if show_sources and answer.citations:
        lines += ["", "Sources:"]
        for c in answer.citations:
            lines.append(f"  [{c.marker}] §{c.section} {c.section_title} ({c.kind})")
            quote = c.quote[:300] + ("…" if len(c.quote) > 300 else "")
            for mark in sorted(c.highlights, key=len, reverse=True):  # the figures that answer, in bold
                quote = re.sub(rf"(?<![\w.*]){re.escape(mark)}(?![\w*])", f"**{mark}**", quote, count=1)
            lines.append(f"      “{quote}”")
            for ref in c.references:
                lines.append(f"      ref {ref.number}: {ref.short()}  {ref.url}")
    if answer.follow_ups:
        lines += ["", "Ask next: " + " · ".join(answer.follow_ups)]
    return "\n".join(lines)


@main.command()
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (the API contract).")
@click.option("--batch", type=click.File("rb"), default=None,
              help="JSON Lines file of {id, question | turns} ('-' = stdin); writes one JSON object per line.")
@click.option("--index-dir", type=click.Path(file_okay=False), default=None, help="Index location.")
def ask(question: str | None, as_json: bool, batch, index_dir: str | None) -> None:
    """Answer QUESTION from the review, with numbered sources and references."""
    from .inputs import clean_question, preview

    if batch is None and question is None:
        raise click.UsageError("give a QUESTION or --batch FILE")
    if batch is not None and question is not None:
        raise click.UsageError("give either a QUESTION or --batch FILE, not both")
    settings = load_settings(index_dir=index_dir)
    if question is not None:
        problem = clean_question(question, settings.max_question_chars).error
        if problem:  # rejected before anything is loaded
            if as_json:
                from .results import Answer

                answer = Answer(question=preview(question), answer=problem, abstained=True, error=problem)
                click.echo(dump_line(answer.to_json()))
            else:
                click.echo(f"Error: {problem}")
            sys.exit(2)
    assistant = _assistant(settings)
    if batch is not None:
        run_batch(assistant, batch, settings)
        return
    answer = assistant.ask(question)
    if as_json:
        click.echo(dump_line(answer.to_json()))
    else:
        click.echo(format_answer(answer))
    if answer.error:
        sys.exit(2)


def dump_line(obj) -> str:
    """One JSON line; lone surrogates (from JSON escapes in the input) stay escaped, so the line
    is always valid UTF-8 and valid JSON."""
    line = json.dumps(obj, ensure_ascii=False, allow_nan=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(obj, ensure_ascii=True, allow_nan=False)
    return line


class BatchLineError(ValueError):
    """A batch line that cannot be answered; becomes that line's error object."""


class _TooLong:
    def __init__(self, size: int):
        self.size = size


def batch_lines(stream, limit: int):
    """Raw lines (bytes, without the newline) of a binary stream; a line over ``limit`` bytes is
    skipped without being held in memory and yields a :class:`_TooLong` in its place."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while True:  # drain the rest of the oversized line
                more = stream.readline(1 << 16)
                size += len(more)
                if not more or more.endswith(b"\n"):
                    break
            yield _TooLong(size)
            continue
        yield line.rstrip(b"\r\n")


def _no_constants(name: str):
    raise BatchLineError(f"{name} is not valid JSON")


def parse_batch_line(raw, settings: Settings) -> dict:
    """One line → ``{"id", "turns"}``; raises :class:`BatchLineError` with a readable reason."""
    if isinstance(raw, _TooLong):
        raise BatchLineError(f"line is {raw.size} bytes; the limit is {settings.batch_max_line_bytes} "
                             f"(HER2QA_BATCH_MAX_LINE_BYTES)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BatchLineError(f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at byte {exc.start + 1})") from None
    if not text.strip():
        raise BatchLineError("empty line (expected a JSON object)")
    try:
        item = json.loads(text, parse_constant=_no_constants)
    except RecursionError:
        raise BatchLineError("JSON nested too deeply") from None
    except BatchLineError:
        raise
    except ValueError as exc:
        raise BatchLineError(str(exc)) from None
    if not isinstance(item, dict):
        raise BatchLineError("each line must be a JSON object")
    turns = item["turns"] if "turns" in item else [item["question"]] if "question" in item else None
    if not isinstance(turns, list) or not turns or not all(isinstance(t, str) for t in turns):
        raise BatchLineError("needs a 'question' string or a 'turns' list of strings", item.get("id"))
    if len(turns) > settings.batch_max_turns:
        raise BatchLineError(f"{len(turns)} turns; the limit is {settings.batch_max_turns} "
                             f"(HER2QA_BATCH_MAX_TURNS)", item.get("id"))
    return {"id": item.get("id", None), "turns": turns, "number_id": "id" not in item}


def answer_batch_line(assistant, number: int, raw, settings: Settings) -> dict:
    """Exactly one output object for one input line, whatever the line holds."""
    from .chat import Conversation

    try:
        item = parse_batch_line(raw, settings)
    except BatchLineError as exc:
        item_id = exc.args[1] if len(exc.args) > 1 else None
        return {"id": item_id, "line": number, "error": f"line {number}: {exc.args[0]}"}
    try:
        conversation = Conversation()
        for turn in item["turns"]:
            answer = assistant.ask(turn, conversation)
        return {"id": number if item["number_id"] else item["id"], **answer.to_json()}
    except Exception as exc:  # one failing item must not stop the batch
        return {"id": item["id"], "line": number, "error": f"line {number}: {describe_error(exc)}"}


def run_batch(assistant, stream, settings: Settings | None = None) -> None:
    settings = settings or assistant.settings
    for number, raw in enumerate(batch_lines(stream, settings.batch_max_line_bytes), 1):
        click.echo(dump_line(answer_batch_line(assistant, number, raw, settings)))


@main.command()
@click.option("--index-dir", type=click.Path(file_okay=False), default=None, help="Index location.")
def chat(index_dir: str | None) -> None:
    """Interactive conversation in the terminal (/sources, /reset, /quit)."""
    from .chat import Conversation

    try:
        import readline  # noqa: F401  (line editing and history for input())
    except ImportError:  # pragma: no cover
        pass
    assistant = _assistant(load_settings(index_dir=index_dir))
    conversation = Conversation()
    click.echo("Ask about the review. Commands: /sources (last answer's sources), /reset, /quit")
    last = None
    while True:
        try:
            line = input("you> ").strip()
        except (EOFError, KeyboardInterrupt):
            click.echo("")
            return
        if not line:
            continue
        if line in ("/quit", "/exit"):
            return
        if line == "/reset":
            conversation.reset()
            last = None
            click.echo("(new conversation)")
            continue
        if line == "/sources":
            click.echo(format_answer(last) if last else "(no answer yet)")
            continue
        last = assistant.ask(line, conversation)
        click.echo("her2qa> " + format_answer(last, show_sources=False))


def _register_optional_commands() -> None:
    """The UI and the benchmark live in their own modules (their heavy imports stay lazy)."""
    from .evaluation import eval_command
    from .ui import serve_command

    main.add_command(serve_command, "serve")
    main.add_command(eval_command, "eval")


_register_optional_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
