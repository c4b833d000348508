import { parseYoutubeId } from './youtube.js';

describe('parseYoutubeId', () => {
  it.each([
    ['a bare id', 'dQw4w9WgXcQ'],
    ['a watch URL', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    [
      'a watch URL with a start time and a playlist',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s&list=PL1',
    ],
    ['a mobile URL without the scheme', 'm.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['a short link', 'https://youtu.be/dQw4w9WgXcQ?si=abc'],
    ['an embed URL', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['a Shorts URL', 'https://youtube.com/shorts/dQw4w9WgXcQ'],
    ['spaces around it', '  dQw4w9WgXcQ \n'],
  ])('reads the id from %s', (_case, input) => {
    expect(parseYoutubeId(input)).toBe('dQw4w9WgXcQ');
  });

  it.each([
    ['an empty string', ''],
    ['a 10-character id', 'dQw4w9WgXc'],
    ['another video site', 'https://vimeo.com/watch?v=dQw4w9WgXcQ'],
    ['a channel page', 'https://www.youtube.com/@BoTuPhap'],
    ['a watch URL without an id', 'https://www.youtube.com/watch'],
    ['not a string', 42],
  ])('finds nothing in %s', (_case, input) => {
    expect(parseYoutubeId(input)).toBeNull();
  });
});
