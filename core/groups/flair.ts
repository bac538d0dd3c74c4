/** Flair colours are a fixed palette of classes in the theme's stylesheet (the CSP allows no inline styles). */
export const flairColors = ['gray', 'blue', 'green', 'amber', 'red', 'purple', 'teal'] as const;
export type FlairColor = (typeof flairColors)[number];

export interface Flair {
  groupId: number;
  label: string;
  color: FlairColor;
  /** The group's name, for the tooltip. */
  name: string;
}

export function flairColor(value: string): FlairColor {
  return (flairColors as readonly string[]).includes(value) ? (value as FlairColor) : 'gray';
}
