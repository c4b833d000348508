import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

/** Real facts for tests, read from the shared data folder (never copied into the repository). */
export function dataDir(): string {
  return process.env.PBGDPL_DATA_DIR ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'data');
}

export interface CensusAct {
  title: string;
  title_en: string;
  official_number: string;
  issued_date: string;
  in_force_date: string;
  description: string;
  status: string;
}

export function censusAct(number: string): CensusAct {
  const file = path.join(dataDir(), 'legal-docs', 'census-93', 'ansvar_vn_law_census_93.json');
  const census = JSON.parse(fs.readFileSync(file, 'utf8')) as { laws: CensusAct[] };
  const act = census.laws.find((l) => l.official_number === number);
  if (!act) throw new Error(`Test data: ${number} is not in ${file}`);
  return act;
}

export interface IndexedLaw {
  so_hieu: string;
  ten: string;
  ngay_ban_hanh: string;
  ngay_hieu_luc: string;
}

export function indexedLaw(number: string): IndexedLaw {
  const file = path.join(dataDir(), 'legal-docs', 'laws-207', 'uts_vlc_laws_207_index.csv');
  const line = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.split(',')[1] === number);
  if (!line) throw new Error(`Test data: ${number} is not in ${file}`);
  const [, so_hieu, , ten, , ngay_ban_hanh, ngay_hieu_luc] = line.split(',');
  return { so_hieu: so_hieu!, ten: ten!, ngay_ban_hanh: ngay_ban_hanh!, ngay_hieu_luc: ngay_hieu_luc! };
}

/** The few registry entries a document needs: two sites, two issuers, two fields. */
export async function createRegistry(strapi: Core.Strapi) {
  const create = async (uid: string, data: Record<string, unknown>) =>
    ((await strapi.documents(uid as never).create({ data } as never)) as { documentId: string }).documentId;
  const national = await create('api::site.site', {
    code: 'quoc-gia',
    name: 'Cổng PBGDPL quốc gia',
    kind: 'national',
    basePath: '/quoc-gia/',
  });
  const hanoi = await create('api::site.site', {
    code: 'ha-noi',
    name: 'Thành phố Hà Nội',
    kind: 'province',
    basePath: '/ha-noi/',
    parent: national,
    adminUnitCode: '01',
  });
  const assembly = await create('api::organization.organization', {
    code: 'quoc-hoi',
    name: 'Quốc hội',
    category: 'legislature',
  });
  const standing = await create('api::organization.organization', {
    code: 'uy-ban-thuong-vu-quoc-hoi',
    name: 'Ủy ban Thường vụ Quốc hội',
    category: 'legislature',
  });
  const labour = await create('api::legal-field.legal-field', {
    code: 'lao-dong-tien-luong',
    name: 'Lao động - Tiền lương',
  });
  const land = await create('api::legal-field.legal-field', { code: 'bat-dong-san', name: 'Bất động sản' });
  return { sites: { national, hanoi }, organizations: { assembly, standing }, fields: { labour, land } };
}
