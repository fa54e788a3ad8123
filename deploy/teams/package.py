#!/usr/bin/env python3
"""Builds the Teams app package to upload: manifest.json with the ids filled in, color.png and outline.png,
zipped with no folder inside.

    python3 deploy/teams/package.py --bot-id <Azure Bot app id> --domain <bot host>
    -> deploy/teams/closurebot-teams.zip

--app-id is the Teams app's own id (defaults to the bot id, as Teams allows); --privacy-url and --terms-url
default to the bot's site. Standard library only.
"""
import argparse
import json
import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
HOST = re.compile(r"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(:\d{1,5})?$")
FILES = ("manifest.json", "color.png", "outline.png")
# A fixed date keeps the zip the same bytes for the same inputs.
STAMP = (2026, 1, 1, 0, 0, 0)


def fill(template, values):
    def replace(match):
        name = match.group(1)
        if name not in values:
            sys.exit(f"manifest.json names an unknown placeholder ${{{{{name}}}}}")
        return json.dumps(values[name])[1:-1]  # JSON-escaped, without the quotes

    return re.sub(r"\$\{\{([A-Z_]+)\}\}", replace, template)


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Build the ClosureBot Teams app zip.")
    parser.add_argument("--bot-id", required=True, help="the Azure Bot's Microsoft App ID (a GUID)")
    parser.add_argument("--domain", required=True, help="the bot's public host name, e.g. closurebot.example.com")
    parser.add_argument("--app-id", help="the Teams app id (a GUID); defaults to the bot id")
    parser.add_argument("--privacy-url", help="defaults to https://<domain>/")
    parser.add_argument("--terms-url", help="defaults to https://<domain>/")
    parser.add_argument("--out", default=os.path.join(HERE, "closurebot-teams.zip"))
    args = parser.parse_args(argv)
    for name in ("bot_id", "app_id"):
        value = getattr(args, name)
        if value is not None and not GUID.match(value):
            parser.error(f"--{name.replace('_', '-')} must be a GUID, got {value!r}")
    if not HOST.match(args.domain):
        parser.error(f"--domain must be a host name (no scheme or path), got {args.domain!r}")
    for name in ("privacy_url", "terms_url"):
        value = getattr(args, name)
        if value is not None and not value.startswith("https://"):
            parser.error(f"--{name.replace('_', '-')} must be an https:// URL")
    return args


def main(argv=None):
    args = parse_args(argv)
    site = f"https://{args.domain}/"
    values = {
        "TEAMS_APP_ID": (args.app_id or args.bot_id).lower(),
        "BOT_ID": args.bot_id.lower(),
        "BOT_DOMAIN": args.domain,
        "PRIVACY_URL": args.privacy_url or site,
        "TERMS_URL": args.terms_url or site,
    }
    with open(os.path.join(HERE, "manifest.json"), encoding="utf-8") as f:
        manifest = fill(f.read(), values)
    json.loads(manifest)  # still JSON after filling in

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with zipfile.ZipFile(args.out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in FILES:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            if name == "manifest.json":
                z.writestr(info, manifest.encode("utf-8"))
            else:
                with open(os.path.join(HERE, name), "rb") as f:
                    z.writestr(info, f.read())
    print(args.out)


if __name__ == "__main__":
    main()
