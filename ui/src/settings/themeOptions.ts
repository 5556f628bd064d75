// The choices of the Appearance and Rendering settings, in the order they are offered.

import type { Rendering, Theme } from '../lib/bindings';

export interface Option<T extends string> {
  value: T;
  label: string;
  hint: string;
}

// Keyed by the generated union, so a new choice in Rust must be described here.
function options<T extends string>(order: readonly T[], described: Record<T, Omit<Option<T>, 'value'>>): Option<T>[] {
  return order.map((value) => ({ value, ...described[value] }));
}

export const THEME_OPTIONS: Option<Theme>[] = options(['system', 'light', 'dark'], {
  system: { label: 'System', hint: 'Follow the light or dark setting of your computer.' },
  light: { label: 'Light', hint: 'Always light.' },
  dark: { label: 'Dark', hint: 'Always dark.' },
});

export const RENDERING_OPTIONS: Option<Rendering>[] = options(['auto', 'hardware', 'software'], {
  auto: { label: 'Automatic', hint: 'Use the graphics card when there is one; draw in software when there is not.' },
  hardware: { label: 'Graphics card', hint: 'Always composite with the GPU, as web browsers do.' },
  software: { label: 'Software', hint: 'Always draw on the CPU: lighter and quicker to start without a GPU.' },
});
