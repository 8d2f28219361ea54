import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** A QR code of `text` as an image with the given accessible name. */
export function QrImage({ text, label, size = 160 }: { text: string; label: string; size?: number }) {
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: size * 2 }).then(
      (url) => isCurrent && setImage(url),
      () => isCurrent && setImage(null),
    );
    return () => {
      isCurrent = false;
    };
  }, [text, size]);
  if (!image) return null;
  return <img className="qr-image" src={image} alt={label} width={size} height={size} />;
}
