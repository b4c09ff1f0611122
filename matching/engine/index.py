"""``MatchIndex``: the listings in memory, with inverted lists for candidate generation.

Ranking one listing does not look at every listing of the other side. Candidates are the
listings that share informative terms with it (accumulated term-at-a-time over the inverted
lists, so the partial dot products come for free) plus those that share a country, when that
country has at most ``TEXT_CANDIDATES`` listings of the side; only these are scored in full.
A side with at most ``TEXT_CANDIDATES`` listings is scored exhaustively. Terms found in more than
``common_ratio`` of the other side's listings are left out of candidate generation (they still
count in the exact score).

IDF is computed over all listings of both sides, so the similarity of two listings is the same
whichever of them asks. Vector lengths are cached per document and recomputed when the corpus
has grown by a tenth since the last time.
"""

import heapq
import math
from collections import Counter, defaultdict
from operator import itemgetter

from matching.kinds import Side

TEXT_CANDIDATES = 400  # best partial text matches kept per query
COMMON_RATIO = 0.08  # terms in more listings than this share do not generate candidates
MIN_COMMON = 50  # …unless the side is small


class MatchIndex:
    def __init__(self, docs=()):
        self.docs = {}
        self.df = Counter()
        self.postings = {Side.DEMAND: defaultdict(dict), Side.SUPPLY: defaultdict(dict)}
        self.by_country = {Side.DEMAND: defaultdict(set), Side.SUPPLY: defaultdict(set)}
        self.side_size = Counter()
        self._normed_at = 0
        for doc in docs:
            self.add(doc, refresh=False)
        self.refresh_norms()

    def __len__(self):
        return len(self.docs)

    def __contains__(self, doc_id):
        return doc_id in self.docs

    def add(self, doc, *, refresh=True):
        """Add or replace a document."""
        if doc.id in self.docs:
            self.remove(doc.id)
        self.docs[doc.id] = doc
        self.side_size[doc.side] += 1
        postings = self.postings[doc.side]
        for term, weight in doc.terms.items():
            self.df[term] += 1
            postings[term][doc.id] = weight
        for code in doc.countries:
            self.by_country[doc.side][code].add(doc.id)
        if refresh:
            if len(self.docs) > self._normed_at * 1.1:
                self.refresh_norms()
            else:
                doc.norm = self.norm_of(doc)

    def remove(self, doc_id):
        doc = self.docs.pop(doc_id, None)
        if doc is None:
            return
        self.side_size[doc.side] -= 1
        postings = self.postings[doc.side]
        for term in doc.terms:
            self.df[term] -= 1
            if self.df[term] <= 0:
                del self.df[term]
            plist = postings.get(term)
            if plist is not None:
                plist.pop(doc_id, None)
                if not plist:
                    del postings[term]
        for code in doc.countries:
            self.by_country[doc.side][code].discard(doc_id)

    def idf(self, term) -> float:
        return math.log((len(self.docs) + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def norm_of(self, doc) -> float:
        idf = self.idf
        return math.sqrt(sum((w * idf(t)) ** 2 for t, w in doc.terms.items())) or 1.0

    def refresh_norms(self):
        for doc in self.docs.values():
            doc.norm = self.norm_of(doc)
        self._normed_at = len(self.docs)

    def candidates(self, query, side) -> set:
        """Ids of ``side`` listings worth scoring for ``query``: shared informative terms or a shared country."""
        if self.side_size[side] <= TEXT_CANDIDATES:
            # A small market is scored exhaustively: pruning only pays off at scale, and it would
            # drop listings that serve anywhere and say it in other words (a bank's project loan).
            ids = {doc_id for doc_id, doc in self.docs.items() if doc.side == side}
            ids.discard(query.id)
            return ids
        postings = self.postings[side]
        common = max(MIN_COMMON, COMMON_RATIO * self.side_size[side])
        accumulated = defaultdict(float)
        for term, weight in query.terms.items():
            plist = postings.get(term)
            if not plist or len(plist) > common:
                continue
            factor = weight * self.idf(term) ** 2
            for doc_id, doc_weight in plist.items():
                accumulated[doc_id] += doc_weight * factor
        if len(accumulated) > TEXT_CANDIDATES:
            ids = {doc_id for doc_id, _ in heapq.nlargest(TEXT_CANDIDATES, accumulated.items(), key=itemgetter(1))}
        else:
            ids = set(accumulated)
        by_country = self.by_country[side]
        for code in query.countries:
            bucket = by_country.get(code, set())
            if len(bucket) <= TEXT_CANDIDATES:  # in a crowded country, sharing it says little without shared words
                ids |= bucket
        ids.discard(query.id)
        return ids
