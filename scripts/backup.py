"""Back up and restore the instance's database: repozo for the FileStorage, blobs.

    python scripts/backup.py backup  --instance instance --to backups
    python scripts/backup.py restore --instance fresh-instance --from backups [--date D]

``backup`` is incremental: repozo writes only what the FileStorage gained
since the last backup (``-B``; a full one when there is none or the file
was packed), then the blob directory is snapshotted under
``blobstorage/<timestamp>``, hard-linking every blob the previous snapshot
already holds (ZODB never changes a blob file in place), so each snapshot
is complete but costs only the new blobs. The FileStorage goes first: every
blob it refers to is then on disk. Safe while the instance runs.

``restore`` rebuilds ``Data.fs`` (as of ``--date``, repozo's
``YYYY-MM-DD[-HH[-MM[-SS]]]``, default the latest) and copies the newest
blob snapshot taken at or after it into an instance that has no data yet.
"""

from datetime import datetime
from datetime import UTC
from pathlib import Path

import argparse
import os
import shutil
import subprocess
import sys
import time


BIN = Path(sys.executable).parent


def filestorage(instance: Path) -> Path:
    return instance / "var" / "filestorage" / "Data.fs"


def blobstorage(instance: Path) -> Path:
    return instance / "var" / "blobstorage"


def snapshot_blobs(source: Path, target_root: Path, stamp: str) -> Path:
    target_root.mkdir(parents=True, exist_ok=True)
    previous = sorted(p for p in target_root.iterdir() if p.is_dir())
    last = previous[-1] if previous else None
    target = target_root / stamp
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        destination = target / relative
        if path.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        earlier = last / relative if last is not None else None
        if (
            earlier is not None
            and earlier.exists()
            and earlier.stat().st_size == path.stat().st_size
        ):
            os.link(earlier, destination)
        else:
            shutil.copy2(path, destination)
    target.mkdir(parents=True, exist_ok=True)
    return target


def wait_for_a_new_second(repository: Path) -> None:
    """repozo names backups by the second: two in one second would collide."""
    while True:
        now = time.strftime("%Y-%m-%d-%H-%M-%S", time.gmtime())
        if not any(p.name.startswith(now) for p in repository.iterdir()):
            return
        time.sleep(0.2)


def backup(instance: Path, to: Path) -> None:
    data = filestorage(instance)
    if not data.exists():
        sys.exit(f"No database at {data}")
    repository = to / "filestorage"
    repository.mkdir(parents=True, exist_ok=True)
    wait_for_a_new_second(repository)
    subprocess.run(
        [BIN / "repozo", "-B", "-z", "-f", data, "-r", repository], check=True
    )
    stamp = datetime.now(UTC).strftime("%Y-%m-%d-%H-%M-%S-%f")
    blobs = blobstorage(instance)
    if blobs.exists():
        snapshot = snapshot_blobs(blobs, to / "blobstorage", stamp)
        print(f"Blobs: {snapshot}")
    print(f"Backed up {data} to {to}")


def restore(instance: Path, source: Path, date: str | None) -> None:
    data = filestorage(instance)
    if data.exists():
        sys.exit(f"{data} exists: restore only into an instance without data.")
    data.parent.mkdir(parents=True, exist_ok=True)
    command = [BIN / "repozo", "-R", "-r", source / "filestorage", "-o", data]
    if date:
        command += ["-D", date]
    subprocess.run(command, check=True)
    root = source / "blobstorage"
    snapshots = sorted(p for p in root.iterdir() if p.is_dir()) if root.exists() else []
    if date:
        # Blobs are only ever added: the first snapshot taken at or after the
        # date holds every blob the database refers to at that date.
        snapshots = [s for s in snapshots if s.name >= date] or snapshots[-1:]
        snapshots = snapshots[:1]
    if snapshots:
        blobs = blobstorage(instance)
        if blobs.exists():
            shutil.rmtree(blobs)
        shutil.copytree(snapshots[-1], blobs)
        # ZODB refuses a blob directory others may read.
        os.chmod(blobs, 0o700)
    print(f"Restored {data} from {source}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make_backup = commands.add_parser("backup")
    make_backup.add_argument("--instance", type=Path, default=Path("instance"))
    make_backup.add_argument("--to", type=Path, default=Path("backups"))
    make_restore = commands.add_parser("restore")
    make_restore.add_argument("--instance", type=Path, required=True)
    make_restore.add_argument(
        "--from", dest="source", type=Path, default=Path("backups")
    )
    make_restore.add_argument("--date", default=None)
    args = parser.parse_args()
    if args.command == "backup":
        backup(args.instance, args.to)
    else:
        restore(args.instance, args.source, args.date)


if __name__ == "__main__":
    main()
