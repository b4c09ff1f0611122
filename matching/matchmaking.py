"""Smart matching on the site: the engine over the published listings, stored suggestions, pushes.

Each process keeps one ``MatchIndex`` of the listings in the market and brings it up to date
from ``IndexState`` before use: when the sequence has moved on, only listings whose
``index_seq`` is newer are read again (added, replaced or removed); when the state row is new
(another ``epoch``) the index is rebuilt. Every market change bumps the sequence in the same
transaction (``bump``), so an index that has caught up with a sequence number has seen every
change committed before it.

Suggestions are stored as ``Match`` rows – when a listing is published (and for the
counterparts it becomes a suggestion for) and again by the nightly re-match – so pages read
them without ranking. New suggestions above ``MATCHING_PUSH_THRESHOLD`` are pushed to the owner
once: a ``MatchNotice`` row per pair is the record that stops a repeat.
"""

import threading
import uuid
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from matching.engine import text
from matching.engine.documents import make_doc
from matching.engine.index import MatchIndex
from matching.engine.scoring import NEUTRAL, Weights, components, explain, rank, total
from matching.models import IndexState, Listing, Match, MatchNotice

NOTICE_KIND = "matching.new_match"


def weights() -> Weights:
    return Weights.parse(settings.MATCHING_WEIGHTS)


def compute_terms(listing) -> dict:
    return text.analyze(listing.title, listing.description)


def org_key(listing):
    return ("org", listing.organization_id) if listing.organization_id else ("peer", listing.peer_org_name)


def org_type_of(organization) -> str:
    if organization is None:
        return ""
    return organization.institution_type or organization.kind


def _doc(listing, countries, industries, org_type) -> object:
    return make_doc(
        id=listing.pk, side=listing.side, kind=listing.kind, title=listing.title, terms=listing.terms or compute_terms(listing),
        countries=countries, industries=industries, amount=listing.amount_range, org=org_key(listing), org_type=org_type,
        valid_until=listing.valid_until,
    )


def doc_for(listing):
    """The engine's document for one listing (its stored term vector, countries, industries, organisation)."""
    return _doc(
        listing, [c.pk for c in listing.countries.all()], [i.pk for i in listing.industries.all()], org_type_of(listing.organization)
    )


def docs_for(queryset) -> list:
    """Documents for many listings with three queries, whatever their number (the index is built from this)."""
    listings = list(queryset.select_related("organization").only(
        "pk", "kind", "side", "title", "terms", "amount_min_usd", "amount_max_usd", "valid_until", "organization_id",
        "peer_org_name", "organization__kind", "organization__institution_type",
    ))
    ids = [listing.pk for listing in listings]
    countries, industries = defaultdict(list), defaultdict(list)
    through = Listing.countries.through
    for start in range(0, len(ids), 5000):
        chunk = ids[start:start + 5000]
        for listing_id, code in through.objects.filter(listing_id__in=chunk).values_list("listing_id", "country_id"):
            countries[listing_id].append(code)
        for listing_id, code in Listing.industries.through.objects.filter(listing_id__in=chunk).values_list("listing_id", "industry_id"):
            industries[listing_id].append(code)
    return [_doc(item, countries[item.pk], industries[item.pk], org_type_of(item.organization)) for item in listings]


# --- the per-process index -------------------------------------------------------------------------------------


def bump(listing_ids) -> int:
    """Record that these listings entered, changed in or left the market; call inside the changing transaction."""
    with transaction.atomic():
        IndexState.objects.get_or_create(pk=1, defaults={"epoch": uuid.uuid4().hex, "seq": 0})
        state = IndexState.objects.select_for_update().get(pk=1)
        state.seq += 1
        state.save(update_fields=["seq"])
        Listing.objects.filter(pk__in=list(listing_ids)).update(index_seq=state.seq)
    return state.seq


@dataclass
class _Cached:
    epoch: str
    seq: int
    index: MatchIndex


_cache: dict = {}
_lock = threading.Lock()


def forget_index():
    """Drop this process's index (tests whose database is rolled back call this)."""
    with _lock:
        _cache.clear()


def site_index() -> MatchIndex:
    """This process's index of the listings in the market, brought up to date first."""
    epoch, seq = IndexState.objects.filter(pk=1).values_list("epoch", "seq").first() or ("", 0)
    with _lock:
        cached = _cache.get("index")
        if cached is None or cached.epoch != epoch or seq < cached.seq:
            cached = _Cached(epoch, seq, MatchIndex(docs_for(Listing.objects.in_market())))
        elif seq > cached.seq:
            changed = Listing.objects.filter(index_seq__gt=cached.seq)
            current = {doc.id: doc for doc in docs_for(changed.in_market())}
            for pk in changed.values_list("pk", flat=True):
                if pk in current:
                    cached.index.add(current[pk])
                else:
                    cached.index.remove(pk)
            cached.seq = seq
        _cache["index"] = cached
        return cached.index


def quality_lookup(docs):
    """``quality(doc)`` from the enterprise rating: the latest published result, 0.5 when unrated or a peer's."""
    from rating.selectors import quality_scores

    org_ids = {doc.org[1] for doc in docs if doc.org and doc.org[0] == "org"}
    scores = quality_scores(org_ids)
    return lambda doc: scores.get(doc.org[1], NEUTRAL) if doc.org and doc.org[0] == "org" else NEUTRAL


# --- suggestions ---------------------------------------------------------------------------------------------------


def suggest(listing, *, limit=None, index=None):
    """Ranked counterparts for an in-market listing, computed now (``Suggestion`` objects)."""
    index = index or site_index()
    query = index.docs.get(listing.pk) or doc_for(listing)
    quality = quality_lookup(index.docs.values())
    return rank(query, index, weights=weights(), quality=quality, limit=limit or settings.MATCHING_SUGGESTIONS,
                min_score=settings.MATCHING_MIN_SCORE, today=timezone.localdate())


def _store(listing_id, suggestions, now):
    Match.objects.filter(listing_id=listing_id).delete()
    Match.objects.bulk_create(
        Match(listing_id=listing_id, counterpart_id=s.doc_id, score=s.score, components=s.components, reasons=list(s.reasons), computed_at=now)
        for s in suggestions
    )


def refresh_matches(listing) -> set:
    """Store ``listing``'s suggestions and add it to its counterparts' lists; returns the listings touched."""
    if not listing.in_market:
        Match.objects.filter(listing=listing).delete()
        return set()
    index = site_index()
    query = index.docs.get(listing.pk) or doc_for(listing)
    quality = quality_lookup(index.docs.values())
    suggestions = suggest(listing, index=index)
    now = timezone.now()
    touched = {listing.pk}
    w = weights()
    with transaction.atomic():
        _store(listing.pk, suggestions, now)
        for suggestion in suggestions:
            other = index.docs[suggestion.doc_id]
            parts = components(other, query, index, quality)
            score = total(parts, w)
            if score < settings.MATCHING_MIN_SCORE:
                continue
            Match.objects.update_or_create(
                listing_id=other.id, counterpart_id=listing.pk,
                defaults={"score": round(score, 4), "components": {k: round(v, 4) for k, v in parts.items()},
                          "reasons": list(explain(other, query, parts, index)), "computed_at": now},
            )
            keep = Match.objects.filter(listing_id=other.id).order_by("-score", "pk").values_list("pk", flat=True)[: settings.MATCHING_SUGGESTIONS]
            Match.objects.filter(listing_id=other.id).exclude(pk__in=list(keep)).delete()
            touched.add(other.id)
    return touched


def rematch_all(*, progress=None) -> dict:
    """Recompute every in-market listing's suggestions (the nightly job) and push what is new."""
    index = site_index()
    quality = quality_lookup(index.docs.values())
    w, today, now = weights(), timezone.localdate(), timezone.now()
    Match.objects.exclude(listing__in=Listing.objects.in_market()).delete()
    ids = sorted(index.docs)
    for start in range(0, len(ids), 200):
        with transaction.atomic():
            for pk in ids[start:start + 200]:
                suggestions = rank(index.docs[pk], index, weights=w, quality=quality, limit=settings.MATCHING_SUGGESTIONS,
                                   min_score=settings.MATCHING_MIN_SCORE, today=today)
                _store(pk, suggestions, now)
        if progress:
            progress(min(start + 200, len(ids)), len(ids))
    pushed = push_new_matches(ids)
    return {"listings": len(ids), "pushed": pushed}


def push_new_matches(listing_ids) -> int:
    """Tell owners about suggestions above the threshold they have not been told about; one message per owner."""
    from notifications.services import notify

    notified = MatchNotice.objects.filter(listing_id=OuterRef("listing_id"), counterpart_id=OuterRef("counterpart_id"))
    in_market = Listing.objects.in_market()
    rows = (
        Match.objects.filter(listing_id__in=list(listing_ids), score__gte=settings.MATCHING_PUSH_THRESHOLD)
        .filter(listing__in=in_market, counterpart__in=in_market, listing__owner__isnull=False, listing__owner__is_active=True)
        .exclude(Exists(notified))
        .select_related("listing__owner", "counterpart")
        .order_by("listing_id", "-score")
    )
    by_owner = defaultdict(list)
    for match in rows:
        _notice, created = MatchNotice.objects.get_or_create(
            listing_id=match.listing_id, counterpart_id=match.counterpart_id, defaults={"recipient": match.listing.owner, "score": match.score}
        )
        if created:  # another worker may have won the race for this pair
            by_owner[match.listing.owner].append(match)
    for owner, matches in by_owner.items():
        first = matches[0]
        listings = {m.listing_id for m in matches}
        if len(listings) == 1:
            title = ngettext("“%(title)s”有 %(n)s 条新的匹配", "“%(title)s”有 %(n)s 条新的匹配", len(matches)) % {"title": first.listing.title, "n": len(matches)}
        else:
            title = ngettext("您发布的 %(listings)s 条信息有 %(n)s 条新的匹配", "您发布的 %(listings)s 条信息有 %(n)s 条新的匹配", len(matches)) % {"listings": len(listings), "n": len(matches)}
        lines = [f"{m.counterpart.title}（{m.counterpart.org_name}）：{m.reason_text}" for m in matches[:10]]
        if len(matches) > 10:
            lines.append(ngettext("……另有 %(n)s 条", "……另有 %(n)s 条", len(matches) - 10) % {"n": len(matches) - 10})
        url = reverse("matching:detail", args=[first.listing_id]) + "#matches" if len(listings) == 1 else reverse("matching:mine")
        notify([owner], kind=NOTICE_KIND, title=title, body="\n".join(lines), url=url)
    return sum(len(m) for m in by_owner.values())
