import { InlineImage } from '@enterpark/mail';

/**
 * The HTML as a browser can show it on its own: `cid:` images (which only resolve inside
 * the message) become data: URIs.
 */
export function withInlineImagesAsDataUris(html: string, images: readonly InlineImage[]): string {
  return images.reduce((out, image) => out.replaceAll(`src="cid:${image.cid}"`, `src="data:image/png;base64,${image.contentBase64}"`), html);
}
