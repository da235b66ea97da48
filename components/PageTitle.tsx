import type { ComponentChildren } from 'preact';

/** The heading of each of Earmark's own pages, with the icon (auto-icons makes its PNG sizes from assets/icon.svg). */
export function PageTitle({ children, compact = false }: { children: ComponentChildren; compact?: boolean }) {
  const [file, size] = compact ? ['/icons/32.png', 20] : ['/icons/48.png', 28];
  return (
    <h1>
      <img class="logo" src={file} alt="" width={size} height={size} />
      {children}
    </h1>
  );
}
