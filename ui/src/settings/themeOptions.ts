// The choices of the Appearance setting, in the order they are offered.

import type { Theme } from '../lib/bindings';

export interface ThemeOption {
  value: Theme;
  label: string;
  hint: string;
}

// Keyed by the generated union, so a new theme in Rust must be described here.
const DESCRIBED: Record<Theme, Omit<ThemeOption, 'value'>> = {
  system: { label: 'System', hint: 'Follow the light or dark setting of your computer.' },
  light: { label: 'Light', hint: 'Always light.' },
  dark: { label: 'Dark', hint: 'Always dark.' },
};

export const THEME_OPTIONS: ThemeOption[] = (['system', 'light', 'dark'] as const).map((value) => ({
  value,
  ...DESCRIBED[value],
}));
