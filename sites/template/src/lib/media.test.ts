import { cardImageAttributes, fileHref, imageAttributes, mediaPath, PAGE_IMAGE_SIZES } from './media';
import { renderBlocks } from './blocks';
import type { MediaManifest } from '../contract/snapshot-format';
import type { Upload } from '../contract/media-variants';

const PHOTO: Upload = {
  url: '/uploads/hoi_nghi_a1b2.jpg',
  mime: 'image/jpeg',
  width: 2000,
  height: 1000,
  alternativeText: 'Hội nghị phổ biến pháp luật',
  formats: {
    thumbnail: { url: '/uploads/thumbnail_hoi_nghi_a1b2.jpg', width: 245, height: 123 },
    small: { url: '/uploads/small_hoi_nghi_a1b2.jpg', width: 500, height: 250 },
    medium: { url: '/uploads/medium_hoi_nghi_a1b2.jpg', width: 750, height: 375 },
    large: { url: '/uploads/large_hoi_nghi_a1b2.jpg', width: 1000, height: 500 },
  },
};

/** What the generator copied: the three copies a page uses (not the thumbnail, not the original). */
const manifest: MediaManifest = {
  files: {
    '/uploads/small_hoi_nghi_a1b2.jpg': {
      file: 'aaaaaaaaaaaaaaaaaaaaaaaa.jpg',
      mime: 'image/jpeg',
      bytes: 30_000,
    },
    '/uploads/medium_hoi_nghi_a1b2.jpg': {
      file: 'bbbbbbbbbbbbbbbbbbbbbbbb.jpg',
      mime: 'image/jpeg',
      bytes: 60_000,
    },
    '/uploads/large_hoi_nghi_a1b2.jpg': {
      file: 'cccccccccccccccccccccccc.jpg',
      mime: 'image/jpeg',
      bytes: 90_000,
    },
    '/uploads/to_gap.pdf': { file: 'dddddddddddddddddddddddd.pdf', mime: 'application/pdf', bytes: 120_000 },
  },
};
const run = { cmsEndpoint: 'http://cms.internal:1337/graphql', mediaBaseUrl: 'https://cms.pbgdpl.example' };

describe('uploads rewritten to the site’s own copies', () => {
  it('a page image: the site’s copies as srcset under its base, medium as src, its size, its description, lazy below the fold', () => {
    expect(
      imageAttributes('/ha-noi/', manifest, PHOTO, 'page', { fallbackAlt: 'Tiêu đề', lazy: true }),
    ).toEqual({
      src: '/ha-noi/media/bbbbbbbbbbbbbbbbbbbbbbbb.jpg',
      srcset:
        '/ha-noi/media/aaaaaaaaaaaaaaaaaaaaaaaa.jpg 500w, /ha-noi/media/bbbbbbbbbbbbbbbbbbbbbbbb.jpg 750w, /ha-noi/media/cccccccccccccccccccccccc.jpg 1000w',
      sizes: PAGE_IMAGE_SIZES,
      width: 750,
      height: 375,
      alt: 'Hội nghị phổ biến pháp luật',
      loading: 'lazy',
      decoding: 'async',
    });
  });

  it('a card image: the small copy alone; the item’s title when the upload has no description; eager at the top of a list', () => {
    const card = { url: '/uploads/small_hoi_nghi_a1b2.jpg', width: 500, height: 250, alt: null };
    expect(
      cardImageAttributes('/', manifest, card, { fallbackAlt: 'Hội nghị tháng 11', lazy: false }),
    ).toEqual({
      src: '/media/aaaaaaaaaaaaaaaaaaaaaaaa.jpg',
      width: 500,
      height: 250,
      alt: 'Hội nghị tháng 11',
      decoding: 'async',
    });
  });

  it('never points at the CMS for an image: one the generator could not copy is not shown', () => {
    expect(
      imageAttributes('/ha-noi/', { files: {} }, PHOTO, 'page', { fallbackAlt: 'x', lazy: true }),
    ).toBeNull();
    expect(
      cardImageAttributes(
        '/ha-noi/',
        manifest,
        { url: '/uploads/khac.jpg', width: 1, height: 1, alt: null },
        { fallbackAlt: 'x', lazy: true },
      ),
    ).toBeNull();
    expect(mediaPath('/ha-noi/', manifest, null)).toBeNull();
  });

  it('a file: the site’s copy, else the CMS’s public address (a link, never loaded with the page)', () => {
    expect(fileHref('/ha-noi/', manifest, run, '/uploads/to_gap.pdf')).toBe(
      '/ha-noi/media/dddddddddddddddddddddddd.pdf',
    );
    expect(fileHref('/ha-noi/', manifest, run, '/uploads/video.mp4')).toBe(
      'https://cms.pbgdpl.example/uploads/video.mp4',
    );
  });

  it('an image inside rich text gets the same srcset, size and lazy loading, and the title as its alternative text when it has none', () => {
    const html = renderBlocks(
      [{ type: 'image', image: { ...PHOTO, alternativeText: '', caption: 'Ảnh: Sở Tư pháp' } }],
      {
        resolveImage: (image) =>
          imageAttributes('/ha-noi/', manifest, image, 'page', { fallbackAlt: 'Tin hội nghị', lazy: true }),
      },
    );
    expect(html).toBe(
      '<figure><img src="/ha-noi/media/bbbbbbbbbbbbbbbbbbbbbbbb.jpg" alt="Tin hội nghị" ' +
        'srcset="/ha-noi/media/aaaaaaaaaaaaaaaaaaaaaaaa.jpg 500w, /ha-noi/media/bbbbbbbbbbbbbbbbbbbbbbbb.jpg 750w, /ha-noi/media/cccccccccccccccccccccccc.jpg 1000w" ' +
        `sizes="${PAGE_IMAGE_SIZES}" width="750" height="375" loading="lazy" decoding="async"><figcaption>Ảnh: Sở Tư pháp</figcaption></figure>`,
    );
    expect(html).not.toContain('/uploads/');
  });
});
