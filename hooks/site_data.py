"""The validated data file for a build, read once per change of the file.

Every hook that needs figures or interface labels asks here, so the file is
read and validated in one place and a bad file stops the build with one error.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from guide_data import DATA_FILE, DataFileError, GuideData, load_guide_data

_cache: dict[Path, tuple[int, GuideData]] = {}


def guide_data(config) -> GuideData:
    path = Path(config.config_file_path).parent / DATA_FILE
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = -1
    cached = _cache.get(path)
    if cached and cached[0] == stamp:
        return cached[1]
    try:
        data = load_guide_data(path)
    except DataFileError as error:
        raise PluginError(f"invalid data file\n{error}") from None
    _cache[path] = (stamp, data)
    return data
