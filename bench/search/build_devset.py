"""Write the development set as JSONL (docs.jsonl, queries.jsonl) next to this file.

    .venv/bin/python bench/search/build_devset.py
    .venv/bin/python manage.py search_eval --docs bench/search/docs.jsonl --queries bench/search/queries.jsonl
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from devset_docs import DOCS  # noqa: E402
from devset_queries import QUERIES  # noqa: E402


def main():
    ids = {row[0] for row in DOCS}
    with (HERE / "docs.jsonl").open("w", encoding="utf-8") as out:
        for doc_id, column, countries, industries, published, title, body in DOCS:
            item = {"id": doc_id, "title": title, "body": body, "column": column, "countries": countries, "industries": industries, "published_at": published}
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    with (HERE / "queries.jsonl").open("w", encoding="utf-8") as out:
        for qid, query, kind, relevant in QUERIES:
            missing = set(relevant) - ids
            if missing:
                raise SystemExit(f"{qid} judges unknown documents: {sorted(missing)}")
            out.write(json.dumps({"qid": qid, "query": query, "kind": kind, "relevant": relevant}, ensure_ascii=False) + "\n")
    print(f"{len(DOCS)} documents, {len(QUERIES)} queries written to {HERE}")


if __name__ == "__main__":
    main()
