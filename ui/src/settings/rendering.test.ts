import { describe, expect, it } from 'vitest';
import type { RenderingInUse } from '../lib/bindings';
import { appliesNextStart, renderingInUse } from './rendering';

function inUse(choice: RenderingInUse['choice'], setting: RenderingInUse['setting'] = 'auto'): RenderingInUse {
  return { choice, setting, webkit_policy: 'never' };
}

describe('the Rendering card', () => {
  it('says which path is in use and why', () => {
    const machine = inUse({ path: 'software', source: 'machine', reason: 'no GPU was found (no render node in /dev/dri)' });
    expect(renderingInUse(machine)).toBe('Drawing in software, because no GPU was found (no render node in /dev/dri).');
    const forced = inUse({ path: 'hardware', source: 'setting', reason: 'forced in Settings' }, 'hardware');
    expect(renderingInUse(forced)).toBe('Compositing with the graphics card, as chosen here.');
    const env = inUse({ path: 'software', source: 'environment', reason: 'WEBKIT_DISABLE_COMPOSITING_MODE is set in the environment' });
    expect(renderingInUse(env)).toBe(
      'Drawing in software, because WEBKIT_DISABLE_COMPOSITING_MODE is set in the environment; it decides over this setting.',
    );
  });

  it('tells a change apart from the setting the window started with', () => {
    const started = inUse({ path: 'software', source: 'machine', reason: 'no GPU' }, 'auto');
    expect(appliesNextStart(started, 'auto')).toBe(false);
    expect(appliesNextStart(started, 'hardware')).toBe(true);
    const env = inUse({ path: 'software', source: 'environment', reason: 'set' }, 'auto');
    expect(appliesNextStart(env, 'hardware')).toBe(false);
  });
});
