#!/usr/bin/env bash
# Refresh the front-end libraries in static/vendor from npm, at the versions in package.json.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ver() { python3 -c "import json,sys; print(json.load(open('package.json'))['dependencies'][sys.argv[1]])" "$1"; }
# Versions are read here, before the cd below (package.json is not in $tmp).
packages=("htmx.org@$(ver htmx.org)" "echarts@$(ver echarts)" "axe-core@$(ver axe-core)" "tom-select@$(ver tom-select)")
(cd "$tmp" && npm pack --silent "${packages[@]}" >/dev/null)
for f in "$tmp"/*.tgz; do d="${f%.tgz}"; mkdir -p "$d"; tar xzf "$f" -C "$d"; done
cp "$tmp"/htmx.org-*/package/dist/htmx.min.js "$tmp"/htmx.org-*/package/LICENSE static/vendor/htmx/
cp "$tmp"/echarts-*/package/dist/echarts.min.js "$tmp"/echarts-*/package/LICENSE static/vendor/echarts/
cp "$tmp"/axe-core-*/package/axe.min.js "$tmp"/axe-core-*/package/LICENSE static/vendor/axe-core/
mkdir -p static/vendor/tom-select
cp "$tmp"/tom-select-*/package/dist/js/tom-select.complete.min.js "$tmp"/tom-select-*/package/dist/css/tom-select.min.css "$tmp"/tom-select-*/package/LICENSE static/vendor/tom-select/
# The source maps are not vendored; drop the comments pointing at them (collectstatic would look for the files).
sed -i '/sourceMappingURL=/d' static/vendor/tom-select/tom-select.complete.min.js static/vendor/tom-select/tom-select.min.css
echo "static/vendor refreshed"
