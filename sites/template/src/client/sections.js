/* global document */
/**
 * Progressive enhancement of the section pages (served as <base>chuyen-muc.js, loaded with `defer`
 * on video, dialogue and legal situation pages). Without JavaScript every part still works: a
 * YouTube link opens the video on YouTube, the quiz's answer is a <details> to open.
 *
 * - YouTube: nothing is requested from YouTube until the reader presses "Phát video"; then the
 *   placeholder becomes the youtube-nocookie.com player, playing.
 * - Quiz: a "Kiểm tra" button says whether the chosen option is right and opens the answer.
 */
(() => {
  for (const link of document.querySelectorAll('[data-video-play]')) {
    link.addEventListener('click', (event) => {
      const box = /** @type {HTMLElement | null} */ (link.closest('[data-youtube-id]'));
      const id = box?.dataset.youtubeId ?? '';
      if (!box || !/^[A-Za-z0-9_-]{11}$/.test(id)) return;
      event.preventDefault();
      const frame = document.createElement('iframe');
      frame.src = `https://www.youtube-nocookie.com/embed/${id}?autoplay=1&rel=0`;
      frame.title = box.dataset.title ? `Video: ${box.dataset.title}` : 'Video';
      frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
      frame.allowFullscreen = true;
      frame.className = 'video-frame';
      box.replaceChildren(frame);
      box.classList.add('video-playing');
      frame.focus();
    });
  }

  for (const form of document.querySelectorAll('[data-quiz-form]')) {
    const button = /** @type {HTMLButtonElement | null} */ (form.querySelector('[data-quiz-check]'));
    const result = form.querySelector('[data-quiz-result]');
    const answer = /** @type {HTMLDetailsElement | null} */ (
      form.closest('[data-quiz]')?.querySelector('[data-quiz-answer]') ?? null
    );
    if (!button || !result) continue;
    button.hidden = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = /** @type {HTMLInputElement | null} */ (
        form.querySelector('[data-quiz-option]:checked')
      );
      if (!chosen) {
        result.textContent = 'Hãy chọn một phương án trước khi kiểm tra.';
        return;
      }
      result.textContent =
        chosen.dataset.correct === 'true'
          ? 'Chính xác! Bạn đã chọn đúng.'
          : 'Chưa đúng. Xem đáp án và giải thích bên dưới.';
      if (answer) answer.open = true;
    });
  }
})();
