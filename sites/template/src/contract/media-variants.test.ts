import {
  blockImages,
  cardImage,
  defaultVariant,
  imageVariants,
  itemMedia,
  mediaExtension,
  type Upload,
} from './media-variants.js';

/** A photo as Strapi stores it after an upload of a 2,000 × 1,000 JPEG: four smaller copies. */
const PHOTO: Upload = {
  url: '/uploads/hoi_nghi_a1b2.jpg',
  mime: 'image/jpeg',
  width: 2000,
  height: 1000,
  alternativeText: '  Hội nghị phổ biến pháp luật  ',
  updatedAt: '2026-11-01T00:00:00.000Z',
  formats: {
    thumbnail: { url: '/uploads/thumbnail_hoi_nghi_a1b2.jpg', width: 245, height: 123, mime: 'image/jpeg' },
    small: { url: '/uploads/small_hoi_nghi_a1b2.jpg', width: 500, height: 250, mime: 'image/jpeg' },
    medium: { url: '/uploads/medium_hoi_nghi_a1b2.jpg', width: 750, height: 375, mime: 'image/jpeg' },
    large: { url: '/uploads/large_hoi_nghi_a1b2.jpg', width: 1000, height: 500, mime: 'image/jpeg' },
  },
};

/** A 600 px picture: Strapi made a thumbnail and a small copy only. */
const SMALL_PICTURE: Upload = {
  url: '/uploads/so_do_c3d4.png',
  mime: 'image/png',
  width: 600,
  height: 400,
  alternativeText: null,
  formats: { small: { url: '/uploads/small_so_do_c3d4.png', width: 500, height: 333 } },
};

describe('the copies of an image a site needs', () => {
  it('gives a card the small copy, and a page small, medium and large but never a camera-sized original', () => {
    expect(imageVariants(PHOTO, 'card').map((v) => v.url)).toEqual(['/uploads/small_hoi_nghi_a1b2.jpg']);
    expect(imageVariants(PHOTO, 'page').map((v) => [v.url, v.width])).toEqual([
      ['/uploads/small_hoi_nghi_a1b2.jpg', 500],
      ['/uploads/medium_hoi_nghi_a1b2.jpg', 750],
      ['/uploads/large_hoi_nghi_a1b2.jpg', 1000],
    ]);
    expect(defaultVariant(imageVariants(PHOTO, 'page'))?.url).toBe('/uploads/medium_hoi_nghi_a1b2.jpg');
  });

  it('adds the original when it is not much larger than the copies (no large copy), and uses it alone when there is none', () => {
    expect(imageVariants(SMALL_PICTURE, 'page').map((v) => [v.url, v.width, v.mime])).toEqual([
      ['/uploads/small_so_do_c3d4.png', 500, 'image/png'],
      ['/uploads/so_do_c3d4.png', 600, 'image/png'],
    ]);
    expect(defaultVariant(imageVariants(SMALL_PICTURE, 'page'))?.url).toBe('/uploads/so_do_c3d4.png');
    const icon: Upload = { url: '/uploads/icon.gif', mime: 'image/gif', width: 120, height: 120 };
    expect(imageVariants(icon, 'card').map((v) => v.url)).toEqual(['/uploads/icon.gif']);
    expect(imageVariants(icon, 'page').map((v) => v.url)).toEqual(['/uploads/icon.gif']);
  });

  it('shows no SVG, PDF or malformed upload as a picture', () => {
    expect(imageVariants({ url: '/uploads/logo.svg', mime: 'image/svg+xml' }, 'page')).toEqual([]);
    expect(imageVariants({ url: '/uploads/a.pdf', mime: 'application/pdf' }, 'card')).toEqual([]);
    expect(imageVariants({ url: 42 } as unknown as Upload, 'page')).toEqual([]);
    expect(imageVariants(null, 'page')).toEqual([]);
  });

  it('stores only types that are safe on the site’s own origin, under their usual extension', () => {
    expect(mediaExtension('image/jpeg')).toBe('jpg');
    expect(mediaExtension('application/pdf; charset=binary')).toBe('pdf');
    expect(mediaExtension('video/mp4')).toBe('mp4');
    for (const unsafe of ['text/html', 'image/svg+xml', 'application/xml', 'text/javascript', '', null]) {
      expect([unsafe, mediaExtension(unsafe)]).toEqual([unsafe, null]);
    }
  });
});

describe('what of an item the sites need', () => {
  it('a news item: its cover for the card and the page, its photos and the images in its text for the page', () => {
    const news = {
      coverImage: PHOTO,
      images: [SMALL_PICTURE],
      body: [
        { type: 'paragraph', children: [{ type: 'text', text: 'Trước' }] },
        {
          type: 'list',
          format: 'unordered',
          children: [
            {
              type: 'list-item',
              children: [
                { type: 'image', image: { url: '/uploads/trong_danh_sach.jpg', mime: 'image/jpeg' } },
              ],
            },
          ],
        },
        { type: 'image', image: { url: '/uploads/trong_bai.webp', mime: 'image/webp', formats: null } },
      ],
    };
    const media = itemMedia('news-item', news);
    expect(media.images.map((i) => [i.upload.url, i.roles])).toEqual([
      ['/uploads/hoi_nghi_a1b2.jpg', ['card', 'page']],
      ['/uploads/so_do_c3d4.png', ['page']],
      ['/uploads/trong_danh_sach.jpg', ['page']],
      ['/uploads/trong_bai.webp', ['page']],
    ]);
    expect(media.files).toEqual([]);
    expect(cardImage('news-item', news)).toEqual({
      url: '/uploads/small_hoi_nghi_a1b2.jpg',
      width: 500,
      height: 250,
      alt: 'Hội nghị phổ biến pháp luật',
    });
  });

  it('a material’s attachments, a book’s cover, a video’s poster and uploaded file', () => {
    const material = {
      coverImage: null,
      files: [
        {
          title: 'Tờ gấp',
          file: { url: '/uploads/to_gap.pdf', mime: 'application/pdf', updatedAt: '2026-01-01T00:00:00Z' },
        },
        { title: 'Chưa có tệp', file: null },
      ],
    };
    expect(itemMedia('material', material)).toEqual({
      images: [],
      files: [{ url: '/uploads/to_gap.pdf', mime: 'application/pdf', updatedAt: '2026-01-01T00:00:00Z' }],
    });
    expect(cardImage('material', material)).toBeNull();
    expect(itemMedia('book', { cover: SMALL_PICTURE, files: [] }).images.map((i) => i.roles)).toEqual([
      ['card', 'page'],
    ]);
    const video = { poster: PHOTO, videoFile: { url: '/uploads/phim.mp4', mime: 'video/mp4' }, captions: [] };
    const media = itemMedia('video', video);
    expect(media.images.map((i) => i.upload.url)).toEqual(['/uploads/hoi_nghi_a1b2.jpg']);
    expect(media.files.map((f) => f.url)).toEqual(['/uploads/phim.mp4']);
    // A question has no picture field: an image in its answer is the only upload.
    expect(itemMedia('qa', { answer: [{ type: 'image', image: PHOTO }] }).images.map((i) => i.roles)).toEqual(
      [['page']],
    );
  });

  it('finds images in rich text at any depth, and nothing in text that merely mentions one', () => {
    expect(blockImages([{ type: 'paragraph', children: [{ type: 'text', text: 'image' }] }])).toEqual([]);
    expect(
      blockImages({ a: [{ b: { type: 'image', image: { url: '/uploads/x.png' } } }] }).map((i) => i.url),
    ).toEqual(['/uploads/x.png']);
  });
});
