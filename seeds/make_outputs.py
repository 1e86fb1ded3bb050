"""Write the service's answer for each reference article as pretty JSON beside it.

Run `python seeds/make_outputs.py` after changing the rules; the acceptance tests check
that the committed outputs are current.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.config import Config  # noqa: E402
from service.nlp.pipeline import load_pipeline  # noqa: E402
from service.response import attribute_text  # noqa: E402


def main() -> None:
    nlp = load_pipeline(Config.SPACY_MODEL)
    for article in sorted((ROOT / "seeds").glob("*.txt")):
        body = attribute_text(nlp, article.read_text(encoding="utf-8"), article.name)
        out = article.with_suffix(".json")
        out.write_text(json.dumps(body, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"{out.relative_to(ROOT)}: {len(body['quotes'])} quotes, {len(body['speakers'])} speakers")


if __name__ == "__main__":
    main()
