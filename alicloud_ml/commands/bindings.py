"""`alicloud-ml bindings import`: build the full provider schema from the provider's own source."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

ORDER = 85

bindings_app = typer.Typer(
    name="bindings",
    no_args_is_help=True,
    help="""Build the provider schema that the typed bindings are generated from.

    Exit codes: 0 done; 2 bad input (a missing or unreadable source, an unknown option).
    """,
)


@bindings_app.command("import")
def import_schema(
    from_go: Annotated[Path | None, typer.Option(
        "--from-go", help="The provider's source: a checkout or `git archive` of terraform-provider-alicloud, "
        "its alicloud/ folder, or a bare git repository of it (then --ref picks the tag).")] = None,
    from_schema_json: Annotated[Path | None, typer.Option(
        "--from-schema-json", help="Output of `terraform providers schema -json` instead of the Go source "
        "(has no force_new, defaults or allowed values).")] = None,
    ref: Annotated[str, typer.Option("--ref", help="Provider tag; names the version. Default: v1.289.0", show_default=False)] = "v1.289.0",
    out: Annotated[Path | None, typer.Option(
        "--out", help="Output file. Default: alicloud_ml/schema/alicloud-<version>.zip", show_default=False)] = None,
    docs: Annotated[Path | None, typer.Option(
        "--docs", help="website/docs folder for descriptions with --from-schema-json. Default: none", show_default=False)] = None,
    commit: Annotated[str | None, typer.Option(
        "--commit", help="Commit to record when the source is not a git repository. Default: from git", show_default=False)] = None,
) -> None:
    """Import every resource and data source schema of aliyun/alicloud into one gzip JSON file.

    Reads the provider's Go schema maps (types, required/optional/computed, force-new, defaults,
    validators, nested blocks) and its website docs (descriptions, subcategories), and lists every
    type it could not read completely, with the reason, under `importer.unreadable` in the output.

    \b
    Example (about 10 s):
      git -C PROVIDER_REPO archive v1.289.0 alicloud website/docs | tar -x -C /tmp/provider
      alicloud-ml bindings import --from-go /tmp/provider --ref v1.289.0
      alicloud-ml bindings import --from-go PROVIDER_REPO.git --ref v1.289.0   # bare repo works too
      terraform providers schema -json > schema.json
      alicloud-ml bindings import --from-schema-json schema.json --out /tmp/alicloud.zip

    Exit codes: 0 written; 2 bad input (the message names the file and what is accepted).
    """
    from alicloud_ml.errors import InputError
    from alicloud_ml.importer import run

    if (from_go is None) == (from_schema_json is None):
        raise InputError("", "--from-go / --from-schema-json", "give exactly one source",
                         "--from-go DIR (the provider's source) or --from-schema-json FILE")

    def progress(message: str) -> None:
        typer.echo(message, err=True)

    if from_go is not None:
        result = run.import_from_go(from_go, ref=ref, out=out, commit=commit, progress=progress)
    else:
        assert from_schema_json is not None
        result = run.import_from_schema_json(from_schema_json, ref=ref, out=out, docs_dir=docs, progress=progress)
    counts = result.counts
    typer.echo(f"{result.path}: {counts['resource_schemas']} resources, {counts['data_source_schemas']} data "
               f"sources, {counts['unreadable']} unreadable ({counts['unreadable_percent']}%) in {result.seconds:.1f} s")


def register(app: typer.Typer) -> None:
    app.add_typer(bindings_app, name="bindings")
