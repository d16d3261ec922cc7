"""``her2qa``: a thin command line over the library."""

from __future__ import annotations

import json
import sys
import time

import click

from . import __version__
from .settings import Settings


def load_settings(**overrides) -> Settings:
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except Exception as exc:  # pydantic validation error → readable message
        raise click.ClickException(f"invalid settings: {exc}") from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="her2qa")
def main() -> None:
    """Citation-first question answering over Tapia et al., Cancers 2023 (HER2+ metastatic BC)."""


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
    except (CorpusError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    parsed = time.perf_counter() - started
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
    except (CorpusError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        payload = [doc.model_dump(mode="json", exclude={"text"}) for doc in corpus.documents]
        click.echo(json.dumps(payload if len(payload) > 1 else payload[0], ensure_ascii=False, indent=1))
        return
    for doc in corpus.documents:
        click.echo(outline(doc))


def outline(doc) -> str:
    meta = doc.meta
    out = [meta.title, f"{', '.join(meta.authors)}",
           f"{meta.journal} {meta.date};{meta.volume}({meta.issue}):{meta.pages}  doi:{meta.doi}  "
           f"PMID {meta.pmid}  {meta.pmcid}", f"Keywords: {', '.join(meta.keywords)}", "", "Outline"]
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


if __name__ == "__main__":  # pragma: no cover
    main()
