/**
 * A video's caption tracks (WebVTT), copied from the CMS into the snapshot and served beside the
 * video's page (video/<slug>/phu-de-vi.vtt), so the <track> never asks another host.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { batchCodes, loadItemDetail, loadSiteSection } from '../../../../lib/snapshot';
import { SECTION_BY_TYPE, captionPath } from '../../../../lib/sections';

export const getStaticPaths = (() =>
  batchCodes().flatMap((code) =>
    loadSiteSection(code, 'video').flatMap(({ ref }) =>
      (loadItemDetail('video', ref.documentId).captions ?? []).map((caption, i) => {
        const [item, file] = captionPath(ref.path, caption.language, i).slice(SECTION_BY_TYPE.video.path.length).split('/');
        return { params: { site: code, item, captions: file }, props: { vtt: caption.vtt } };
      }),
    ),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { vtt: string }).vtt, { headers: { 'content-type': 'text/vtt; charset=utf-8' } });
