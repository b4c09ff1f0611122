"""The listings JSON API for the peer platform, and the import endpoint for the peer's listings.

``GET  /matching/api/v1/listings/``        published listings of this platform, paginated and filterable
``GET  /matching/api/v1/listings/<id>/``   one listing
``POST /matching/api/v1/peer/listings/``   the peer's listing, created/updated/removed (signed)

Reading needs ``Authorization: Bearer <token>``: either the token of an active ``ApiClient``
(``manage.py matching_api_client``) or an OAuth 2.0 / OIDC access token issued by the platform's
OIDC provider (``accounts.oidc``) to a registered client, e.g. the peer's 全球撮合家 application. The import is authenticated by its HMAC signature
(``matching.interop``). Errors are JSON ``{"error": "<中文说明>"}`` with a 4xx status.
docs/matching.md documents every parameter and field.
"""

import hashlib
import json
from datetime import timedelta
from functools import wraps

from django.core.paginator import EmptyPage, Paginator
from django.http import JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from audit.services import log
from matching import interop, selectors
from matching.kinds import Kind, Side
from matching.models import ApiClient, Listing, Source
from matching.services import peer
from taxonomy.models import Continent

MAX_PAGE_SIZE = 100


def error(message, status=400, **headers):
    response = JsonResponse({"error": message}, status=status, json_dumps_params={"ensure_ascii": False})
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _oidc_client(request):
    """The OIDC client (``oauth2_provider`` application) behind a valid access token, or None."""
    from oauth2_provider.oauth2_backends import get_oauthlib_core

    valid, oauth_request = get_oauthlib_core().verify_request(request, scopes=[])
    if not valid or oauth_request.access_token is None:
        return None
    return oauth_request.access_token.application


def token_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        header = request.headers.get("Authorization", "")
        scheme, _sep, token = header.partition(" ")
        client = None
        if scheme.lower() == "bearer" and token.strip():
            client = ApiClient.objects.filter(token_hash=hash_token(token.strip()), is_active=True).first()
        if client is None and scheme.lower() == "bearer" and token.strip():
            client = _oidc_client(request)
        if client is None:
            return error(_("缺少或无效的访问令牌（Authorization: Bearer <令牌>）"), status=401, WWW_Authenticate='Bearer realm="matching"')
        if isinstance(client, ApiClient) and (client.last_used_at is None or client.last_used_at < timezone.now() - timedelta(minutes=1)):
            ApiClient.objects.filter(pk=client.pk).update(last_used_at=timezone.now())
        request.api_client = client
        return view(request, *args, **kwargs)

    return wrapped


def _int(params, name, *, default=None, minimum=0, maximum=None):
    raw = params.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(_("参数 %(name)s 应为整数") % {"name": name}) from None
    if value < minimum or (maximum is not None and value > maximum):
        raise ValueError(_("参数 %(name)s 超出范围（%(minimum)s–%(maximum)s）") % {"name": name, "minimum": minimum, "maximum": maximum} if maximum else _("参数 %(name)s 超出范围") % {"name": name})
    return value


def _filters(params) -> dict:
    kind, side, region = params.get("kind", ""), params.get("side", ""), params.get("region", "")
    if kind and kind not in Kind.values:
        raise ValueError(_("未知的 kind：%(kind)s") % {"kind": kind})
    if side and side not in Side.values:
        raise ValueError(_("side 应为 supply 或 demand"))
    if region and region not in Continent.values:
        raise ValueError(_("未知的 region：%(region)s") % {"region": region})
    return {
        "kind": kind, "side": side, "region": region, "country": params.get("country", "").upper(), "industry": params.get("industry", "").upper(),
        "amount_min": _int(params, "amount_min"), "amount_max": _int(params, "amount_max"), "q": params.get("q", "").strip()[:100],
    }


@require_GET
@token_required
def listings(request):
    try:
        filters = _filters(request.GET)
        page_number = _int(request.GET, "page", default=1, minimum=1)
        page_size = _int(request.GET, "page_size", default=20, minimum=1, maximum=MAX_PAGE_SIZE)
    except ValueError as exc:
        return error(str(exc))
    qs = selectors.market(**filters).filter(source=Source.LOCAL)
    since = request.GET.get("updated_since", "")
    if since:
        moment = parse_datetime(since)
        if moment is None:
            return error(_("updated_since 应为 ISO 8601 时间，如 2026-01-01T00:00:00+08:00"))
        qs = qs.filter(updated_at__gte=moment)
    paginator = Paginator(qs, page_size)
    try:
        page = paginator.page(page_number)
    except EmptyPage:
        return error(_("页码超出范围（共 %(pages)s 页）") % {"pages": paginator.num_pages}, status=404)
    base = request.build_absolute_uri(request.path)
    rest = "&".join(f"{k}={v}" for k, v in request.GET.items() if k != "page")

    def link(number):
        return f"{base}?{rest + '&' if rest else ''}page={number}"

    return JsonResponse({
        "count": paginator.count, "page": page.number, "page_size": page_size, "num_pages": paginator.num_pages,
        "next": link(page.next_page_number()) if page.has_next() else None,
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
        "results": [interop.listing_payload(listing) for listing in page.object_list],
    }, json_dumps_params={"ensure_ascii": False})


@require_GET
@token_required
def listing_detail(request, pk):
    listing = Listing.objects.in_market().filter(pk=pk, source=Source.LOCAL).first()
    if listing is None:
        return error(_("信息不存在或已下架"), status=404)
    return JsonResponse(interop.listing_payload(listing), json_dumps_params={"ensure_ascii": False})


@csrf_exempt  # machine-to-machine: authenticated by the HMAC signature, not a session
@require_POST
def peer_import(request):
    body = request.body
    try:
        interop.verify(request.headers, body)
    except interop.SignatureError as exc:
        log("matching.peer_import_refused", request=request, outcome="failure", detail={"reason": str(exc)})
        return error(str(exc), status=401)
    try:
        document = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return error(_("请求体不是有效的 UTF-8 JSON"))
    if not isinstance(document, dict):
        return error(_("请求体应为 JSON 对象"))
    event = document.get("event")
    if event == "listing.delete":
        peer_id = str((document.get("listing") or {}).get("id") or "").strip()
        if not peer_id:
            return error(_("缺少 listing.id"))
        return JsonResponse({"status": peer.remove_peer_listing(peer_id, request=request), "peer_id": peer_id})
    if event != "listing.upsert":
        return error(_("event 应为 listing.upsert 或 listing.delete"))
    try:
        fields = interop.parse_peer_listing(document.get("listing"))
    except interop.PeerListingInvalid as exc:
        return error(str(exc))
    listing, outcome = peer.upsert_peer_listing(fields, request=request)
    return JsonResponse({"status": outcome, "id": listing.pk, "peer_id": listing.peer_id}, status=201 if outcome == "created" else 200)
