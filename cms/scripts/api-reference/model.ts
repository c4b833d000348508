/**
 * What the API reference says, read from the live CMS: the public types (the Public role's
 * `find`/`findOne`, `public-access`), their fields as the GraphQL schema exposes them (private
 * fields are not in it), the filters each field takes, the operators, the pagination limits of
 * the running configuration, and each field's Vietnamese label from the admin's texts. The
 * GraphQL schema is passed in as rebuilt from an introspection, so the CLI and the test read it
 * the same way.
 */
import type { Core } from '@strapi/strapi';
import type { GraphQLInputObjectType, GraphQLObjectType } from 'graphql';
import { GraphQLEnumType, getNamedType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { CONTENT_TYPE_FIELD_TEXTS } from '@pbgdpl/domain';
import { PUBLIC_READABLE } from '../../src/extensions/public-access';

export interface FieldDoc {
  name: string;
  /** As GraphQL writes it, e.g. `String!`, `[LegalField]!`, `ENUM_LEGALDOCUMENT_SCOPE`. */
  graphqlType: string;
  label: string;
  /** Differs between `vi` and `en` (else shared by every locale). */
  localized: boolean;
  /** The filter input type that filters on it (null: not filterable). */
  filter: string | null;
  kind: 'scalar' | 'enum' | 'relation' | 'media' | 'component' | 'json';
  enumValues: string[];
}

export interface TypeDoc {
  uid: string;
  singular: string;
  plural: string;
  title: string;
  description: string;
  localized: boolean;
  draftAndPublish: boolean;
  graphql: { type: string; list: string; connection: string; single: string; filters: string };
  listArguments: string[];
  fields: FieldDoc[];
}

export interface ReferenceModel {
  types: TypeDoc[];
  limits: {
    restDefault: number;
    restMax: number;
    graphqlDefault: number;
    graphqlMax: number;
    graphqlDepth: number;
  };
  /** Operators of a text filter (GraphQL names; REST writes `$<name>`). */
  operators: string[];
  /** The locales a reader may ask for. */
  locales: string[];
}

type Attribute = { type: string; target?: string; pluginOptions?: { i18n?: { localized?: boolean } } };
type Schema = {
  uid: string;
  info: { singularName: string; pluralName: string; displayName: string; description?: string };
  options?: { draftAndPublish?: boolean };
  pluginOptions?: { i18n?: { localized?: boolean } };
  attributes: Record<string, Attribute>;
};

const COMMON_LABELS: Record<string, string> = {
  documentId: 'Mã định danh, ổn định qua các phiên bản và ngôn ngữ',
  locale: 'Ngôn ngữ của bản ghi (vi, en)',
  localizations: 'Các bản ngôn ngữ khác của cùng mục',
  createdAt: 'Thời điểm tạo',
  updatedAt: 'Thời điểm cập nhật gần nhất',
  publishedAt: 'Thời điểm xuất bản',
};
const TRAILING = ['locale', 'localizations', 'createdAt', 'updatedAt', 'publishedAt'];

export async function referenceModel(strapi: Core.Strapi, schema: GraphQLSchema): Promise<ReferenceModel> {
  const naming = strapi.plugin('graphql').service('utils').naming as {
    getTypeName: (ct: unknown) => string;
    getFindQueryName: (ct: unknown) => string;
    getFindConnectionQueryName: (ct: unknown) => string;
    getFindOneQueryName: (ct: unknown) => string;
    getFiltersInputTypeName: (ct: unknown) => string;
  };
  const query = schema.getQueryType()!.getFields();
  const types = PUBLIC_READABLE.map((uid) => {
    const contentType = strapi.contentTypes[uid as never] as unknown as Schema;
    const graphql = {
      type: naming.getTypeName(contentType),
      list: naming.getFindQueryName(contentType),
      connection: naming.getFindConnectionQueryName(contentType),
      single: naming.getFindOneQueryName(contentType),
      filters: naming.getFiltersInputTypeName(contentType),
    };
    const object = schema.getType(graphql.type) as GraphQLObjectType;
    const filters = schema.getType(graphql.filters) as GraphQLInputObjectType;
    return {
      uid,
      singular: contentType.info.singularName,
      plural: contentType.info.pluralName,
      title: contentType.info.displayName,
      description: contentType.info.description ?? '',
      localized: contentType.pluginOptions?.i18n?.localized === true,
      draftAndPublish: contentType.options?.draftAndPublish === true,
      graphql,
      listArguments: (query[graphql.list]?.args ?? []).map((a) => a.name).sort(),
      fields: fieldsOf(contentType, object, filters),
    };
  });
  const graphqlConfig = strapi.plugin('graphql').config as (key: string) => number;
  const rest = strapi.config.get('api.rest') as { defaultLimit: number; maxLimit: number };
  const stringFilter = schema.getType('StringFilterInput') as GraphQLInputObjectType;
  const locales = (await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>;
  return {
    types,
    limits: {
      restDefault: rest.defaultLimit,
      restMax: rest.maxLimit,
      graphqlDefault: graphqlConfig('defaultLimit'),
      graphqlMax: graphqlConfig('maxLimit'),
      graphqlDepth: graphqlConfig('depthLimit'),
    },
    operators: Object.keys(stringFilter.getFields()).sort(),
    locales: locales.map((l) => l.code).sort(),
  };
}

/** The exposed fields in the schema's attribute order: id first, bookkeeping last. */
function fieldsOf(
  contentType: Schema,
  object: GraphQLObjectType,
  filters: GraphQLInputObjectType,
): FieldDoc[] {
  const exposed = object.getFields();
  const filterFields = filters.getFields();
  const texts = CONTENT_TYPE_FIELD_TEXTS[contentType.info.singularName] ?? {};
  const order = [
    'documentId',
    ...Object.keys(contentType.attributes).filter((n) => !TRAILING.includes(n)),
    ...TRAILING,
  ];
  return order
    .filter((name, index) => exposed[name] && order.indexOf(name) === index)
    .map((name) => {
      const field = exposed[name]!;
      const attribute = contentType.attributes[name];
      return {
        name,
        graphqlType: field.type.toString(),
        label: texts[name]?.label ?? COMMON_LABELS[name] ?? name,
        localized:
          contentType.pluginOptions?.i18n?.localized === true &&
          attribute !== undefined &&
          !TRAILING.includes(name) &&
          attribute.pluginOptions?.i18n?.localized !== false &&
          !['relation', 'media'].includes(attribute.type),
        filter: filterFields[name] ? getNamedType(filterFields[name]!.type).name : null,
        kind: kindOf(field, attribute),
        enumValues: enumValues(field),
      };
    });
}

function kindOf(field: GraphQLField<unknown, unknown>, attribute: Attribute | undefined): FieldDoc['kind'] {
  if (attribute?.type === 'relation') return 'relation';
  if (attribute?.type === 'media') return 'media';
  if (attribute?.type === 'component' || attribute?.type === 'dynamiczone') return 'component';
  if (attribute?.type === 'json' || attribute?.type === 'blocks') return 'json';
  return getNamedType(field.type) instanceof GraphQLEnumType ? 'enum' : 'scalar';
}

function enumValues(field: GraphQLField<unknown, unknown>): string[] {
  const named = getNamedType(field.type);
  return named instanceof GraphQLEnumType ? named.getValues().map((v) => v.name) : [];
}
