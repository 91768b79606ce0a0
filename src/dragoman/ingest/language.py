"""Is a document English? Decided by py3langid's language model (trained on 97 languages; small, offline,
maintained), on the document's first characters. A document is refused only when the model is confident
it is another language; texts too short to judge pass, and so does English dense with foreign names.

The model ships inside the pinned py3langid package as LZMA-compressed NumPy arrays (4.5 MB): unpacking it
costs about 0.5 s of CPU at every start. So the first start unpacks it once into a cache folder (68 MB of
plain ``.npy`` files, under ``$DRAGOMAN_CACHE``, else ``$XDG_CACHE_HOME/dragoman``, else
``~/.cache/dragoman``), named by the SHA-256 of the package's model file so that another py3langid
version gets its own; later starts map those files into memory (about 0.03 s; only the pages a text
visits are read, and processes share them). The arrays are the package's own, handed to py3langid's own
``LanguageIdentifier``, so the answers are the same; when the folder cannot be written, the model is
read from the package as before.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from dragoman.cache import cache_root

_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 20  # shorter texts pass: too little to judge
MIN_CONFIDENCE = 0.9  # the model's normalised probability needed to call a text another language
SAMPLE = 5000  # characters judged
# the arrays of py3langid's model file (modelio.save_model), in the order of load_model's result
ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


@cache
def _identifier() -> Any:
    """py3langid's model, loaded once per process on first use."""
    return load_identifier(cache_root())


def load_identifier(root: Path | None) -> Any:
    """py3langid's identifier (normalised probabilities) from its unpacked arrays under ``root``, unpacked
    there first when missing; from the package itself when ``root`` is None or cannot be written."""
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import _to_array

    package_file = MODEL_DIR / MODEL_FILE
    if root is None:
        return LanguageIdentifier.from_model_file(package_file, norm_probs=True)
    digest = hashlib.sha256(package_file.read_bytes()).hexdigest()[:16]
    folder = root / f"py3langid-{digest}"
    if not (folder / "done").is_file() and not _unpack(package_file, folder):
        return LanguageIdentifier.from_model_file(package_file, norm_probs=True)
    a = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in ARRAYS}
    # as py3langid's from_model_file and load_model build it from the same arrays, but for the transition
    # table (39 MB), read in place as py3langid reads its own copy (by index, one integer at a time): only
    # the pages a text visits are read, and processes share them
    moves = a["nextmove"]
    return LanguageIdentifier(np.asarray(a["ptc"]), np.asarray(a["pc"]), a["classes"].tolist(),
                              memoryview(moves).cast("B").cast(moves.dtype.char), a["out_feat"].tolist(),
                              norm_probs=True, tk_row=_to_array(a["nextmove_row"]))


def _unpack(package_file: Path, folder: Path) -> bool:
    """Unpack the model's arrays into ``folder`` (written aside, then renamed into place, so that a
    concurrent or interrupted start never reads half a folder); False when it cannot be written."""
    import lzma

    import numpy as np

    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".unpacking-", dir=folder.parent))
    except OSError:
        return False
    try:
        with lzma.open(package_file) as compressed, open(work / "model.npz", "wb") as plain:
            shutil.copyfileobj(compressed, plain, length=1 << 20)
        with np.load(work / "model.npz", allow_pickle=False) as data:
            for name in ARRAYS:
                np.save(work / f"{name}.npy", data[name], allow_pickle=False)
        (work / "model.npz").unlink()
        (work / "done").touch()
        if folder.exists() and not (folder / "done").is_file():
            shutil.rmtree(folder)  # damaged: a folder is renamed into place only once complete
        try:
            work.rename(folder)
        except OSError:  # another process got there first
            return (folder / "done").is_file()
        return True
    except OSError:
        return False
    finally:
        shutil.rmtree(work, ignore_errors=True)


def language_problem(text: str) -> str | None:
    """Why ``text`` is not English, or None when it is (or is too short to tell)."""
    sample = text[:SAMPLE]
    if len(_WORD.findall(sample)) < MIN_WORDS:
        return None
    language, probability = _identifier().classify(sample)
    if language == "en" or probability < MIN_CONFIDENCE:
        return None
    return f"not English (the language model reads {language}, p={probability:.2f})"
