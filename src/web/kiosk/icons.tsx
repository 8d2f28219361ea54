// Simple line icons drawn here, so they show on terminals without an emoji font.

export function SpeakerIcon() {
  return (
    <svg
      className="kiosk-icon"
      viewBox="0 0 24 24"
      width="28"
      height="28"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
      <path
        d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}

export function CardIcon() {
  return (
    <svg
      className="kiosk-reader__icon"
      viewBox="0 0 48 32"
      width="240"
      height="160"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="1.5" y="1.5" width="45" height="29" rx="3" fill="none" stroke="currentColor" strokeWidth="2" />
      <circle cx="13" cy="13" r="4.5" fill="none" stroke="currentColor" strokeWidth="2" />
      <path
        d="M6 25c1.5-4 4-5.5 7-5.5s5.5 1.5 7 5.5M25 10h16M25 16h16M25 22h10"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}

export function PhoneQrIcon() {
  return (
    <svg
      className="kiosk-reader__icon"
      viewBox="0 0 32 48"
      width="110"
      height="160"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="1.5" y="1.5" width="29" height="45" rx="4" fill="none" stroke="currentColor" strokeWidth="2" />
      <path
        d="M8 12h6v6H8zM18 12h6v6h-6zM8 22h6v6H8zM18 22h2v2h-2zM22 26h2v2h-2zM18 28h2M13 40h6"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      />
    </svg>
  );
}
