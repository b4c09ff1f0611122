"""The baseline everything is compared with: brute-force text-only ranking.

Every listing of the other side is scored by TF-IDF cosine over plain jieba words (default
dictionary, no domain concepts, no country, industry, kind or amount), with no index. It is
what a first version of matchmaking would be, and what the engine must beat on quality
(``match_eval``) and on speed (``bench/match``).
"""

import heapq
import math
from collections import Counter

from matching.engine.text import plain_terms


class TextOnlyRanker:
    def __init__(self, records):
        """``records``: (id, side, title, description, org)."""
        self.items = [(rid, side, plain_terms(title, description), org) for rid, side, title, description, org in records]
        df = Counter(t for _, _, terms, _ in self.items for t in terms)
        n = len(self.items)
        self.idf = {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}
        self.norms = {rid: self._norm(terms) for rid, _, terms, _ in self.items}

    def _norm(self, terms):
        idf = self.idf
        return math.sqrt(sum((w * idf.get(t, 1.0)) ** 2 for t, w in terms.items())) or 1.0

    def rank(self, query_id, query_side, query_terms, query_org=None, limit=10):
        """The ``limit`` most similar listings of the other side, scanning all of them."""
        idf = self.idf
        qnorm = self._norm(query_terms)
        scored = []
        for rid, side, terms, org in self.items:
            if side == query_side or rid == query_id or (query_org is not None and org == query_org):
                continue
            dot = sum(w * terms[t] * idf.get(t, 1.0) ** 2 for t, w in query_terms.items() if t in terms)
            scored.append((dot / (qnorm * self.norms[rid]), str(rid), rid))
        return [rid for _, _, rid in heapq.nlargest(limit, scored)]
