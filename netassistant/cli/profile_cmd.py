"""``netassistant-cli profile ...``: list, show, save, delete, export and import profiles.

Profile names are unique across the built-in examples and the user's profiles, so every
action names one profile: ``import`` renames a profile whose name is taken (and says so),
``--overwrite`` replaces a saved profile of the same name but never a built-in, and
``save`` refuses a built-in's name. ``show`` warns on stderr when the profile listens on an
address other machines can reach.
"""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from netassistant.cli.options import family_hosts as _family_hosts
from netassistant.cli.options import overrides as _overrides
from netassistant.cli.parser import EXIT_FAILURE, EXIT_OK, UsageError, say
from netassistant.cli.relayopts import relay_overrides
from netassistant.cli.tlsoptions import apply_tls_options, apply_upstream_tls_options
from netassistant.core.config import ConfigError, SessionConfig
from netassistant.core.exposure import exposure_warning
from netassistant.core.profiles.model import (
    Profile,
    ProfileError,
    builtin_profiles,
    find_profile,
)
from netassistant.core.profiles.store import ProfileStore


def profile_command(args: argparse.Namespace, out: TextIO) -> int:
    """Run one ``profile`` action; returns the exit code (1 with the reason on stderr)."""
    action = _ACTIONS.get(args.profile_command)
    if action is None:
        raise UsageError(f"unknown profile action {args.profile_command!r}")
    try:
        return action(ProfileStore(), args, out)
    except ProfileError as exc:
        say(str(exc))
        return EXIT_FAILURE


def _list(store: ProfileStore, args: argparse.Namespace, out: TextIO) -> int:
    # Every good profile is listed; each file that cannot be used is one line on stderr.
    listing = store.list()
    for p in builtin_profiles():
        out.write(f"{p.name}\t{p.config.describe()}\t(built-in) {p.description}\n")
    for p in listing.profiles:
        out.write(f"{p.name}\t{p.config.describe()}\t{p.description}\n")
    for err in listing.errors:
        say(str(err))
    return EXIT_OK


def _show(store: ProfileStore, args: argparse.Namespace, out: TextIO) -> int:
    profile = find_profile(args.name, store.config_dir)
    out.write(json.dumps(profile.to_dict(), ensure_ascii=False, indent=2) + "\n")
    warning = exposure_warning(profile.config)
    if warning:
        say(f"warning: {warning}")
    return EXIT_OK


def _save(store: ProfileStore, args: argparse.Namespace, out: TextIO) -> int:
    data = {"kind": args.kind, **_overrides(args)}
    apply_tls_options(args, data)
    relay: dict[str, object] = relay_overrides(args)
    apply_upstream_tls_options(args, relay)
    if relay and args.kind != "relay":
        raise UsageError(
            "--udp, --toxic, --idle-timeout, --fault-seed and the --upstream-… options are "
            "relay settings: save them with --kind relay"
        )
    data.update(relay)
    _family_hosts(data)
    try:
        config = SessionConfig.from_dict(data)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    path = store.save(Profile(name=args.name, config=config, description=args.description))
    out.write(f"saved profile {args.name!r} to {path}\n")
    return EXIT_OK


def _delete(store: ProfileStore, args: argparse.Namespace, out: TextIO) -> int:
    store.delete(args.name)
    out.write(f"deleted profile {args.name!r}\n")
    return EXIT_OK


def _export(store: ProfileStore, args: argparse.Namespace, out: TextIO) -> int:
    store.export(args.name, args.path)
    out.write(f"exported profile {args.name!r} to {args.path}\n")
    return EXIT_OK


def _import(store: ProfileStore, args: argparse.Namespace, out: TextIO) -> int:
    done = store.import_profile(args.path, overwrite=args.overwrite)
    if done.renamed:
        out.write(
            f"imported profile {done.original_name!r} as {done.profile.name!r}: "
            f"the name {done.original_name!r} is taken "
            "(built-in examples are never replaced; --overwrite replaces a saved profile)\n"
        )
    elif done.replaced:
        out.write(f"imported profile {done.profile.name!r}, replacing the saved one\n")
    else:
        out.write(f"imported profile {done.profile.name!r}\n")
    return EXIT_OK


_ACTIONS = {
    "list": _list,
    "show": _show,
    "save": _save,
    "delete": _delete,
    "export": _export,
    "import": _import,
}
