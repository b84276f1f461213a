'use client';
import type { ReactNode, SVGProps } from 'react';

type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'>;

// Decorative only: the state each icon stands for is always given as text next to it.
function Svg({ children, ...props }: IconProps & { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      fill="currentColor"
      aria-hidden="true"
      focusable="false"
      className="ik-icon"
      {...props}
    >
      {children}
    </svg>
  );
}

export function PinIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M9.8 1.3a.75.75 0 0 1 1.06 0l3.84 3.84a.75.75 0 0 1 0 1.06l-.9.9a.75.75 0 0 1-.72.2l-.63-.16-2.2 2.2.4 2.3a.75.75 0 0 1-.21.66l-.8.8a.75.75 0 0 1-1.06 0L6.3 10.82l-3.47 3.47a.6.6 0 0 1-.85-.85L5.45 9.97 3.18 7.7a.75.75 0 0 1 0-1.06l.8-.8a.75.75 0 0 1 .66-.21l2.3.4 2.2-2.2-.16-.63a.75.75 0 0 1 .2-.72z" />
    </Svg>
  );
}

export function MutedIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M8 1.25a1 1 0 0 1 1 1v.55A4.25 4.25 0 0 1 12.25 7v2.4l1.2 1.8a.6.6 0 0 1-.5.93H3.05a.6.6 0 0 1-.5-.93l1.2-1.8V7A4.25 4.25 0 0 1 7 2.8v-.55a1 1 0 0 1 1-1zM6.4 13.25h3.2a1.6 1.6 0 0 1-3.2 0z" />
      <path d="M2.2 1.7 14.3 13.8" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" fill="none" />
    </Svg>
  );
}

export function SpinnerIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M8 1.5a6.5 6.5 0 1 0 6.5 6.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" fill="none" />
    </Svg>
  );
}

export function AlertIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13zm0 3a.9.9 0 0 0-.9.95l.2 3.6a.7.7 0 0 0 1.4 0l.2-3.6A.9.9 0 0 0 8 4.5zm0 6.1a.9.9 0 1 0 0 1.8.9.9 0 0 0 0-1.8z" />
    </Svg>
  );
}

export function CloseIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" fill="none" />
    </Svg>
  );
}
