"""`python -m service.archive IN OUT`: attribute the quotes of a whole archive on Dask."""

from __future__ import annotations

import argparse
import os
import sys
import time

from ..config import Config

DESCRIPTION = """\
Find and attribute the quotations of every article under IN and write one JSON line per
article (the API's body, without timing, plus the input's other fields) into partition
files under OUT, or with --format parquet an articles, a quotes and a speakers table per
partition. IN is a JSONL file of {"id", "text", ...} objects, a folder of .txt and .html
files, or a quoted glob of either; HTML (.html/.htm files, "format": "html" in JSONL) is read
as the API reads text/html, offsets into the HTML. Rerunning the same command skips the ids already written. Runs on an
embedded Dask LocalCluster (one worker process per core) unless --scheduler names an
existing cluster, whose workers must see IN and OUT at the same paths."""

# The exit statuses, for cron and CI; `--help` prints them.
EXIT_OK = 0  # every document went through (or there was nothing left to do)
EXIT_ERROR = 1  # the run could not start or stopped: IN unreadable, OUT locked, no usable cluster, a disk error
EXIT_USAGE = 2  # a wrong option (argparse's own status)
EXIT_FAILED_DOCUMENTS = 3  # the run finished, but some documents failed: see OUT/failures.jsonl
EXIT_INTERRUPTED = 130  # Ctrl-C: finished partitions are kept

EPILOG = f"""\
exit status:
  {EXIT_OK}    every document went through (or all were already written)
  {EXIT_ERROR}    the run could not start or was stopped by an error (IN unreadable, OUT locked,
       no usable cluster, a disk error)
  {EXIT_USAGE}    a wrong option
  {EXIT_FAILED_DOCUMENTS}    the run finished but some documents failed; how many is printed, and
       OUT/failures.jsonl lists them (a rerun tries them again)
  {EXIT_INTERRUPTED}  interrupted (Ctrl-C); finished partitions are kept"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m service.archive",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_paths(parser)
    _add_cluster_options(parser)
    _add_pipeline_options(parser)
    _add_report_options(parser)
    _add_metadata_options(parser)
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    return parser


def _add_paths(parser: argparse.ArgumentParser) -> None:
    """IN, OUT and the format written under OUT."""
    parser.add_argument("source", metavar="IN", help="a JSONL file, a folder of .txt/.html files, or a glob")
    parser.add_argument("out", metavar="OUT", help="the output folder (created if missing)")
    parser.add_argument(
        "--format",
        dest="output_format",
        choices=("jsonl", "parquet"),
        default="jsonl",
        help="jsonl: one API body a line; parquet: articles, quotes and speakers tables (default: %(default)s)",
    )


def _add_cluster_options(parser: argparse.ArgumentParser) -> None:
    """Which cluster runs the job: an existing one, or a local one of how many workers."""
    parser.add_argument("--scheduler", metavar="ADDRESS", help="an existing Dask scheduler, e.g. tcp://HOST:8786")
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="local worker processes (default: %(default)s, one per core)",
    )
    parser.add_argument(
        "--dashboard",
        metavar="ADDRESS",
        default=None,
        help="serve the local cluster's dashboard here, e.g. 127.0.0.1:8787",
    )


def _add_pipeline_options(parser: argparse.ArgumentParser) -> None:
    """The model, how the articles are cut into tasks and batches, and the longest article taken."""
    parser.add_argument("--model", default=Config.SPACY_MODEL, help="spaCy model (default: %(default)s)")
    parser.add_argument(
        "--partition-size", type=int, default=100, help="articles per task and per file (default: %(default)s)"
    )
    parser.add_argument("--batch-size", type=int, default=32, help="articles per nlp.pipe batch (default: %(default)s)")
    parser.add_argument(
        "--max-chars",
        type=int,
        default=Config.MAX_TEXT_CHARS,
        help="longer articles are reported as failures, as the API refuses them (default: %(default)s)",
    )


def _add_report_options(parser: argparse.ArgumentParser) -> None:
    """The reports over all of OUT written after the job: speaker counts and the quote index."""
    parser.add_argument(
        "--summary",
        metavar="CSV",
        help="also write speaker counts over all of OUT to this CSV file: one row per named speaker "
        "(merged across articles by name), one per class (anonymous sources, groups)",
    )
    parser.add_argument(
        "--quote-index",
        metavar="FILE",
        help="also write the quotations printed in more than one article (the same words, or a part of "
        "them) to FILE (.parquet, or CSV), computed on the cluster over all of OUT",
    )
    parser.add_argument(
        "--quote-min-words",
        type=int,
        default=4,
        help="shortest quotation the quote index matches, in words (default: %(default)s)",
    )


def _add_metadata_options(parser: argparse.ArgumentParser) -> None:
    """What becomes of the input's fields other than id and text."""
    parser.add_argument(
        "--metadata-columns",
        metavar="NAME,...",
        default="",
        help="with --format parquet, these input fields also become string columns of their own in the "
        "articles and quotes tables (all fields stay in the JSON `metadata` column)",
    )
    parser.add_argument("--no-metadata", action="store_true", help="do not pass the input's other fields through")


def _print_summary(summary, total_seconds: float, out=None) -> None:
    from .summary import describe

    out = out or sys.stdout
    print(
        f"documents: {summary.documents} written, {summary.skipped} already written earlier, {summary.failures} failed",
        file=out,
    )
    table = summary.speaker_table()
    attributed = sum(row["quotes"] for row in table)
    print(f"quotes: {summary.quotes} ({attributed} attributed to a speaker)", file=out)
    print(f"speakers in this run's articles: {describe(table)} ({len(table)} rows as --summary counts)", file=out)
    print(
        f"speed: {summary.documents_per_second:.2f} documents/s on {summary.workers} worker(s) "
        f"({summary.seconds:.1f} s processing, {total_seconds:.1f} s in all)",
        file=out,
    )
    if summary.failures:
        shown = ", ".join(str(i) for i in summary.failed_ids[:10])
        more = f" and {summary.failures - 10} more" if summary.failures > 10 else ""
        print(f"failures: {summary.failures_path} (ids: {shown}{more})", file=out)


def _check_options(args: argparse.Namespace) -> tuple[str, ...]:
    """The metadata columns asked for; ValueError (exit status 2) for an option out of range."""
    from .tables import check_metadata_columns

    for name in ("workers", "partition_size", "batch_size", "max_chars"):
        if getattr(args, name) < 1:
            raise ValueError(f"--{name.replace('_', '-')} must be at least 1")
    if args.quote_min_words < 2:
        raise ValueError("--quote-min-words must be at least 2")
    try:
        columns = check_metadata_columns(n.strip() for n in args.metadata_columns.split(",") if n.strip())
    except ValueError as error:
        raise ValueError(f"--metadata-columns: {error}") from None
    if columns and args.output_format != "parquet":
        raise ValueError("--metadata-columns needs --format parquet (JSONL records keep every field)")
    return columns


class _Progress:
    """The progress bar, made once the work is planned and the workers are ready, with the
    quotes found and the documents failed so far."""

    def __init__(self, disable: bool) -> None:
        from tqdm import tqdm

        self.disable = disable
        self.bar = tqdm(disable=True)  # replaced by `on_plan`
        self.counts = {"quotes": 0, "failed": 0}

    def on_plan(self, documents: int) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=documents, unit="doc", disable=self.disable, file=sys.stderr, dynamic_ncols=True)

    def on_report(self, report: dict) -> None:
        self.counts["quotes"] += report["quotes"]
        self.counts["failed"] += len(report["failures"])
        self.bar.set_postfix(quotes=self.counts["quotes"], failed=self.counts["failed"], refresh=False)
        self.bar.update(report["attempted"])

    def close(self) -> None:
        self.bar.close()


def _run(args: argparse.Namespace, metadata_columns: tuple[str, ...], progress: _Progress):
    """Run the job, then the --summary and --quote-index reports, on the cluster --scheduler
    names or a local one (closed again here); return the run summary, the speaker table and the
    quote index (None for a report not asked for)."""
    from . import quote_index
    from .cluster import connect
    from .inputs import discover
    from .job import run_archive
    from .summary import write_summary

    client = cluster = None
    table = index = None
    try:
        discover(args.source)  # a wrong IN fails here, before a cluster is started
        client, cluster = connect(args.scheduler, args.workers, args.dashboard)
        summary = run_archive(
            args.source,
            args.out,
            client,
            model=args.model,
            partition_size=args.partition_size,
            batch_size=args.batch_size,
            max_chars=args.max_chars,
            metadata=not args.no_metadata,
            output_format=args.output_format,
            metadata_columns=metadata_columns,
            on_plan=progress.on_plan,
            on_report=progress.on_report,
        )
        progress.close()
        if args.summary:
            table = write_summary(args.out, args.summary, client)
        if args.quote_index:
            index = quote_index.build_index(args.out, client, args.quote_min_words)
            quote_index.write_index(index, args.quote_index)
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    return summary, table, index


def _print_reports(args: argparse.Namespace, summary, table, index) -> int:
    """Say where the reports over OUT went and whether any document failed; the exit status."""
    from . import quote_index
    from .summary import describe

    if table is not None:
        print(f"speaker summary of everything under OUT: {args.summary} ({len(table)} rows): {describe(table)}")
    if index is not None:
        print(f"quote index of everything under OUT: {args.quote_index}: {quote_index.describe(index)}")
    if summary.failures:
        print(
            f"error: {summary.failures} document(s) failed; they are listed in {summary.failures_path}",
            file=sys.stderr,
        )
        return EXIT_FAILED_DOCUMENTS
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        metadata_columns = _check_options(args)
    except ValueError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE

    from .inputs import InputError
    from .job import ClusterError
    from .output import OutputFormatMismatch, OutputLocked

    started = time.perf_counter()
    progress = _Progress(disable=args.no_progress)
    try:
        summary, table, index = _run(args, metadata_columns, progress)
    except (InputError, OutputLocked, OutputFormatMismatch, ClusterError, OSError) as error:
        progress.close()
        print(f"error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        progress.close()
        print("interrupted: finished partitions are kept; run the same command again to resume", file=sys.stderr)
        return EXIT_INTERRUPTED
    _print_summary(summary, time.perf_counter() - started)
    return _print_reports(args, summary, table, index)
