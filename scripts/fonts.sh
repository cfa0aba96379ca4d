#!/usr/bin/env bash
# The CJK font the briefing's charts draw Chinese with (Core/Briefing/BriefingCharts): Debian's fonts-wqy-microhei.
# Sourced by run.sh and .ci/run; as root it installs the package non-interactively, otherwise it only says what to do.
cjk_font_present() {
  [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || [ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]
}

ensure_cjk_font() {
  cjk_font_present && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing fonts-wqy-microhei (Chinese text in the briefing's charts)…" >&2
    if (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei) >/dev/null 2>&1; then
      return 0
    fi
  fi
  echo "warning: no CJK font; the briefing's charts will not show Chinese. Install it: sudo apt-get install fonts-wqy-microhei" >&2
  return 0
}
