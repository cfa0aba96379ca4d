#!/usr/bin/env bash
# Regenerates every picture README.md and docs/ embed from the seed data, and their manifest:
#   docs/portal/*.png       the real portal (web/dist, fz serve) in headless Chromium (Playwright, /usr/bin/chromium,
#                           fonts-wqy-microhei), taken by the browser tests (FZ_PORTAL_SCREENSHOTS)
#   docs/briefing/page-*.png the Word briefing rendered to pages by LibreOffice and pdftoppm (FZ_BRIEFING_PAGES)
#   docs/portal/screenshots.json  each picture with the hashes of what it was made from (web/dist, seeds/), which
#                           ScreenshotTests compare with the current ones: a stale picture fails the suite.
# Usage: ./scripts/screenshots.sh   (then commit docs/portal, docs/briefing)
set -euo pipefail
FZ_ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$FZ_ROOT"
for tool in /usr/bin/chromium soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is missing (Debian: chromium, libreoffice-writer-nogui, poppler-utils)" >&2; exit 1; }
done
fc-list | grep -i "WenQuanYi Micro Hei" >/dev/null || { echo "screenshots.sh: fonts-wqy-microhei is missing" >&2; exit 1; }

# Pictures of this run only: an old picture no test takes any more shows up as missing from the manifest.
rm -f docs/portal/screenshots.json
export FZ_PORTAL_SCREENSHOTS="$FZ_ROOT/docs/portal"
export FZ_BRIEFING_PAGES="$FZ_ROOT/docs/briefing"
# test.sh builds web/ and starts its own Azurite; these are the tests that take the pictures.
./scripts/test.sh --filter "FullyQualifiedName~FunctionsZone.Browser.Tests.ZoneViewTests|FullyQualifiedName~FunctionsZone.Browser.Tests.CityViewTests|FullyQualifiedName~FunctionsZone.Browser.Tests.BureauViewTests|FullyQualifiedName~Rendered_to_pages_the_briefing"
echo "Pictures and docs/portal/screenshots.json regenerated; commit docs/portal and docs/briefing." >&2
