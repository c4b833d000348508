import type { Core } from '@strapi/strapi';
import { requireEnv } from './env-required';
import { uploadSizeLimit } from './upload-size-limit';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      // Site builds page through lists; no client may ask for an unbounded list or a deep tree.
      defaultLimit: 25,
      maxLimit: 200,
      depthLimit: 10,
      // The playground and introspection only where GRAPHQL_PLAYGROUND / GRAPHQL_INTROSPECTION
      // say so, never by default in production (the sites' queries are checked against the
      // committed schema snapshot, which needs neither there).
      landingPage: env.bool('GRAPHQL_PLAYGROUND', env('NODE_ENV') !== 'production'),
      apolloServer: {
        introspection: env.bool('GRAPHQL_INTROSPECTION', env('NODE_ENV') !== 'production'),
        // Never a stack trace (with the server's paths) in an answer, in any environment.
        includeStacktraceInErrorResponses: false,
        // No CORS of its own (it would allow any origin): strapi::cors answers for /graphql too.
        cors: false,
      },
    },
  },
  'users-permissions': {
    config: {
      jwtSecret: requireEnv(env, 'JWT_SECRET'),
    },
  },
  upload: {
    config: {
      // The largest file of all (a 500 MB video skit); other files are held to 50 MB by the
      // provider's check (src/extensions/upload-limits). Same variable as strapi::body's limit.
      sizeLimit: uploadSizeLimit(env('UPLOAD_SIZE_LIMIT_BYTES')),
      security: {
        allowedTypes: [
          'image/*',
          'video/*',
          'audio/*',
          'application/pdf',
          'application/epub+zip',
          'application/msword',
          'application/vnd.openxmlformats-officedocument.*',
          // Dissemination materials also come as PowerPoint 97 and OpenDocument files.
          'application/vnd.ms-powerpoint',
          'application/vnd.oasis.opendocument.text',
          'application/vnd.oasis.opendocument.presentation',
          'text/plain',
          'text/vtt',
          'text/csv',
        ],
        deniedTypes: [
          'image/svg+xml',
          'application/x-msdownload',
          'application/x-sh',
          'application/x-executable',
        ],
      },
    },
  },
});

export default config;
