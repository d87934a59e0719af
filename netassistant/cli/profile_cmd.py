"""``netassistant-cli profile ...``: list, show, save, delete, export and import profiles."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from netassistant.cli.options import family_hosts as _family_hosts
from netassistant.cli.options import overrides as _overrides
from netassistant.cli.parser import EXIT_FAILURE, EXIT_OK, UsageError
from netassistant.core.config import ConfigError, SessionConfig


def profile_command(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``profile list|show|save|delete|export|import``; returns the exit code."""
    from netassistant.core.profiles.model import Profile, ProfileError, builtin_profiles
    from netassistant.core.profiles.store import ProfileStore

    store = ProfileStore()
    try:
        if args.profile_command == "list":
            listing = store.list()
            for p in builtin_profiles():
                out.write(f"{p.name}\t{p.config.describe()}\t(built-in) {p.description}\n")
            for p in listing.profiles:
                out.write(f"{p.name}\t{p.config.describe()}\t{p.description}\n")
            for err in listing.errors:
                print(f"netassistant-cli: {err}", file=sys.stderr)
            return EXIT_OK
        if args.profile_command == "show":
            from netassistant.core.profiles.model import find_profile

            profile = find_profile(args.name)
            out.write(json.dumps(profile.to_dict(), ensure_ascii=False, indent=2) + "\n")
            return EXIT_OK
        if args.profile_command == "save":
            data = {"kind": args.kind, **_overrides(args)}
            _family_hosts(data)
            try:
                config = SessionConfig.from_dict(data)
            except ConfigError as exc:
                raise UsageError(str(exc)) from None
            store.save(Profile(name=args.name, config=config, description=args.description))
            out.write(f"saved profile {args.name!r} to {store.path_for(args.name)}\n")
            return EXIT_OK
        if args.profile_command == "delete":
            store.delete(args.name)
            out.write(f"deleted profile {args.name!r}\n")
            return EXIT_OK
        if args.profile_command == "export":
            if store.exists(args.name):
                store.export(args.name, args.path)
            else:  # a built-in example exports as its canonical file, like a saved one
                from netassistant.core.profiles.model import find_profile

                profile = find_profile(args.name)
                try:
                    with open(args.path, "wb") as fh:
                        fh.write(profile.to_json_bytes())
                except OSError as exc:
                    print(
                        f"netassistant-cli: cannot write {args.path}: {exc.strerror or exc}",
                        file=sys.stderr,
                    )
                    return EXIT_FAILURE
            out.write(f"exported profile {args.name!r} to {args.path}\n")
            return EXIT_OK
        if args.profile_command == "import":
            profile = store.import_file(args.path, overwrite=args.overwrite)
            out.write(f"imported profile {profile.name!r}\n")
            return EXIT_OK
    except ProfileError as exc:
        print(f"netassistant-cli: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    raise UsageError(f"unknown profile action {args.profile_command!r}")
