import { disposeAll, resizeAll } from '../charts';
import type { Context } from '../context';
import { t } from '../i18n';

/**
 * Big-screen mode (?screen=big): the zone view on a dark 1920×1080 canvas, the headline always on top and one
 * panel below at a time, rotating; latest.json is polled with its ETag and the screen redraws when it moves.
 */
export function startBigScreen(ctx: Context, main: HTMLElement, redraw: () => Promise<void>) {
  const rotateSeconds = Number(ctx.params.get('rotate') ?? 12);
  const pollSeconds = Number(ctx.params.get('poll') ?? ctx.config.pollSeconds);
  let index = 0;
  const rotate = () => {
    const panels = [...main.querySelectorAll<HTMLElement>('[data-panel]')].filter(p => p.dataset.panel !== 'headline' && p.dataset.panel !== 'whatif');
    if (!panels.length) return;
    index = index % panels.length;
    panels.forEach((p, i) => p.classList.toggle('on-air', i === index));
    main.dataset.onAir = panels[index].dataset.panel;
    index++;
    resizeAll();
  };
  rotate();
  const timer = setInterval(rotate, rotateSeconds * 1000);
  const poll = setInterval(async () => {
    try {
      if (await ctx.snapshot.changed()) {
        await ctx.snapshot.load();
        disposeAll();
        await redraw();
        index = 0; rotate();
        document.body.dataset.version = ctx.snapshot.pointer.version;
      }
    } catch { /* the next poll tries again; the screen keeps what it shows */ }
  }, pollSeconds * 1000);
  document.title = `${t('navBig')} · ${document.title}`;
  return () => { clearInterval(timer); clearInterval(poll); };
}
