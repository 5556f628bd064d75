// The few line icons of the app, as SVG path data on a 24x24 grid (drawn for Career Log).

export const ICONS = {
  home: ['M3 10.5 12 3l9 7.5', 'M5 9v11h14V9', 'M10 20v-6h4v6'],
  journal: ['M5 19V5a2 2 0 0 1 2-2h12v14H7a2 2 0 0 0-2 2Zm0 0a2 2 0 0 0 2 2h12v-4', 'M9 7h6', 'M9 10.5h4'],
  guides: ['M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z', 'm15.5 8.5-2 5-5 2 2-5Z'],
  stories: ['M4 5h16v11h-9l-5 4v-4H4Z', 'M8 9h8', 'M8 12h5'],
  resume: ['M6 3h8l4 4v14H6Z', 'M14 3v4h4', 'M9 12h6', 'M9 16h6'],
  settings: [
    'M4 7h10',
    'M18 7h2',
    'M4 17h4',
    'M12 17h8',
    'M18 7a2 2 0 1 1-4 0 2 2 0 0 1 4 0Z',
    'M12 17a2 2 0 1 1-4 0 2 2 0 0 1 4 0Z',
  ],
  'arrow-right': ['M5 12h14', 'm13 6 6 6-6 6'],
  lock: ['M6 11h12v10H6Z', 'M8 11V7a4 4 0 0 1 8 0v4'],
  info: ['M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z', 'M12 11v5', 'M12 7.5v.01'],
  'arrow-left': ['M19 12H5', 'm11 6-6 6 6 6'],
  'arrow-up': ['M12 19V5', 'm6 11 6-6 6 6'],
  'arrow-down': ['M12 5v14', 'm6 13 6 6 6-6'],
  download: ['M12 4v11', 'm7 10 5 5 5-5', 'M5 20h14'],
  plus: ['M12 5v14', 'M5 12h14'],
  search: ['M17 11a6 6 0 1 1-12 0 6 6 0 0 1 12 0Z', 'm15.5 15.5 4.5 4.5'],
  edit: ['M4 20h4L19 9l-4-4L4 16Z', 'm13.5 6.5 4 4'],
  trash: ['M4 7h16', 'M10 11v6', 'M14 11v6', 'M6 7l1 13h10l1-13', 'M9 7V4h6v3'],
  undo: ['M9 14 4 9l5-5', 'M4 9h10a6 6 0 0 1 0 12h-3'],
  close: ['M6 6l12 12', 'M18 6 6 18'],
  clock: ['M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z', 'M12 7v5l3 2'],
  link: ['M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1', 'M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1'],
  check: ['m5 12.5 4.5 4.5L19 7.5'],
  copy: ['M9 9h11v11H9Z', 'M5 15H4V4h11v1'],
  note: ['M5 4h14v11l-5 5H5Z', 'M14 20v-5h5', 'M9 9h6', 'M9 12h3'],
} as const satisfies Record<string, readonly string[]>;

export type IconName = keyof typeof ICONS;
