// What the Rendering card says about the path the window took at start.

import type { Rendering, RenderingInUse } from '../lib/bindings';

/** "Drawing in software, because no GPU was found…", in the user's words. */
export function renderingInUse(inUse: RenderingInUse): string {
  const { path, source, reason } = inUse.choice;
  const drawing = path === 'software' ? 'Drawing in software' : 'Compositing with the graphics card';
  if (source === 'setting') return `${drawing}, as chosen here.`;
  if (source === 'environment') return `${drawing}, because ${reason}; it decides over this setting.`;
  return `${drawing}, because ${reason}.`;
}

/** A choice other than the one the window started with applies at the next start. */
export function appliesNextStart(inUse: RenderingInUse, chosen: Rendering): boolean {
  return inUse.choice.source !== 'environment' && chosen !== inUse.setting;
}
