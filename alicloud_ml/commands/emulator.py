"""`alicloud-ml emulator`: install and manage the offline emulator of the aliyun/alicloud provider."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

ORDER = 50

emulator_app = typer.Typer(
    name="emulator",
    no_args_is_help=True,
    help="""Run Terraform against an offline emulator of aliyun/alicloud (no account, no network).

    \b
    Try it:
      alicloud-ml emulator install      # mirror + CLI config in .alicloud-ml/
      export TF_CLI_CONFIG_FILE=...     # the line `install` prints
      terraform init && terraform apply # or: cdktf deploy
      alicloud-ml emulator status       # what the emulated cloud holds
      alicloud-ml emulator reset        # forget every emulated object

    The emulated cloud lives in .alicloud-ml/emulator/ (override with
    ALICLOUD_ML_EMULATOR_STATE). It rejects what the real APIs would (CIDRs,
    zones, instance types, CPFS, EAS config, security group ports, missing
    references) but does not model quotas, stock, prices, latency or permissions.

    Exit codes: 0 done; 2 bad input (an unwritable --dir, a bad seed file, reset without a
    terminal and without --yes); 130 reset declined.
    """,
)


@emulator_app.command()
def install(
    directory: Annotated[Path, typer.Option("--dir", help="Where to write the mirror, CLI config and emulated cloud. "
                                            "Default: .alicloud-ml", show_default=False)] = Path(".alicloud-ml"),
) -> None:
    """Install the emulator as a Terraform filesystem mirror and print the export line.

    Writes DIR/mirror/registry.terraform.io/aliyun/alicloud/<version>/<platform>/ (a launcher that
    runs the emulator with this Python), DIR/terraform.rc, which takes aliyun/alicloud from that
    mirror and every other provider from its registry, and DIR/terraform.lock.hcl, a dependency lock
    file selecting that launcher (copy it into a Terraform directory, or set ALICLOUD_ML_TF_LOCK_FILE
    to it for synth to do so, and `terraform init` has no checksums to compute and no warning to
    print). Prints only the line to run, so
    `eval "$(alicloud-ml emulator install)"` works.

    Example: eval "$(alicloud-ml emulator install --dir .alicloud-ml)" && terraform init && terraform apply

    Exit codes: 0 installed; 2 bad input (DIR not writable).
    """
    from alicloud_ml import schema
    from alicloud_ml.emulator.install import install as do_install
    from alicloud_ml.emulator.lockfile import write_lock_file
    from alicloud_ml.errors import InputError

    try:
        config = do_install(directory)
        write_lock_file(directory)
    except OSError as exc:
        raise InputError(str(directory), "--dir", f"cannot write the emulator there: {exc.strerror}",
                         "a writable directory, e.g. .alicloud-ml") from None
    typer.echo(f"Installed the alicloud-ml emulator of aliyun/alicloud {schema.provider_version()} in "
               f"{config.parent}. Emulated cloud: {config.parent / 'emulator'}. Run:", err=True)
    typer.echo(f"export TF_CLI_CONFIG_FILE={config}")


def _state(state: Path | None) -> Path:
    from alicloud_ml.emulator.store import state_dir

    return state if state is not None else state_dir()


_STATE_HELP = "Emulated cloud directory. Default: $ALICLOUD_ML_EMULATOR_STATE, else .alicloud-ml/emulator"


@emulator_app.command()
def status(state: Annotated[Path | None, typer.Option("--state", help=_STATE_HELP, show_default=False)] = None) -> None:
    """Show how many objects of each type the emulated cloud holds.

    Example: alicloud-ml emulator status --state .alicloud-ml

    Exit codes: 0 shown (also for an empty cloud); 2 bad input.
    """
    from alicloud_ml.emulator.store import DB_NAME, Store

    directory = _state(state)
    if not (directory / DB_NAME).is_file():
        typer.echo(f"{directory}: empty (no emulated cloud yet)")
        return
    summary = Store(directory).summary()
    typer.echo(f"{directory}: {sum(summary.values())} objects")
    for type_name, count in summary.items():
        typer.echo(f"  {type_name:45} {count}")


@emulator_app.command()
def reset(
    state: Annotated[Path | None, typer.Option("--state", help=_STATE_HELP, show_default=False)] = None,
    yes: Annotated[bool, typer.Option("--yes/--no-yes", help="Do not ask for confirmation. Default: ask.", show_default=False)] = False,
) -> None:
    """Forget every emulated object (Terraform state files are not touched).

    After a reset, `terraform plan` shows the objects as gone and plans to create them again.
    Without a terminal to ask (CI, scripts) pass --yes.

    Example: alicloud-ml emulator reset --yes

    Exit codes: 0 reset (or already empty); 2 no terminal to confirm on and no --yes; 130 declined.
    """
    from alicloud_ml.emulator.store import DB_NAME

    directory = _state(state)
    files = [directory / (DB_NAME + suffix) for suffix in ("", "-wal", "-shm")]
    if not any(f.exists() for f in files):
        typer.echo(f"{directory}: already empty")
        return
    if not yes and not sys.stdin.isatty():
        from alicloud_ml.errors import InputError

        raise InputError(str(directory), "--yes", "there is no terminal to confirm on",
                         accepted="--yes, to reset without asking")
    if not yes:
        typer.confirm(f"Delete the emulated cloud in {directory}?", abort=True)
    for f in files:
        f.unlink(missing_ok=True)
    typer.echo(f"{directory}: reset")


@emulator_app.command()
def seed(
    file: Annotated[Path, typer.Argument(help="Seed file (.toml, or .json with the same structure).")],
    state: Annotated[Path | None, typer.Option("--state", help=_STATE_HELP, show_default=False)] = None,
    region: Annotated[list[str] | None, typer.Option("--region", help=(
        "Create the objects in this region instead of the file's `regions` (repeatable). Default: the file's."),
        show_default=False)] = None,
) -> None:
    """Create the objects a seed file lists, as if they existed in the account before Terraform ran.

    Terraform that looks up existing things (a default VPC, a KMS key, a second resource group) with
    data sources then finds them. Each object goes through what an apply does: schema validation,
    value filling with ids in the provider's formats, and the cloud checks. Seeding twice adds nothing.
    The format: docs/emulator.md (Seeding objects that already exist).

    Example: alicloud-ml emulator seed tests/emulator/fidelity/provider-test-account.toml --region cn-hangzhou

    Exit codes: 0 seeded (or already there); 2 bad seed file, or refused by the emulated cloud.
    """
    from alicloud_ml.emulator.seed import SeedError, seed_file

    try:
        seeded = seed_file(file, state, region or None)
    except SeedError as exc:  # its message names the file, the entry, the field and what is accepted
        typer.echo(f"error: {exc}", err=True)
        raise SystemExit(2) from None
    for item in seeded:
        typer.echo(f"{'exists ' if item.existing else 'created'} {item.address:<48} {item.id:<32} {item.region}")


def register(app: typer.Typer) -> None:
    app.add_typer(emulator_app)
