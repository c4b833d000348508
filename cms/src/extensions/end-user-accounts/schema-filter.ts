import { GraphQLObjectType, GraphQLSchema } from 'graphql';

/**
 * The schema without some root fields. Only the Query and Mutation types are rebuilt; every other
 * type is kept as it is (types no longer reachable, such as a removed mutation's input, stay
 * harmlessly in the schema's type map).
 */
export function withoutRootFields(
  schema: GraphQLSchema,
  removed: { query: readonly string[]; mutation: readonly string[] },
): GraphQLSchema {
  const config = schema.toConfig();
  const strip = (type: GraphQLObjectType | null | undefined, names: readonly string[]) => {
    if (!type) return type;
    const typeConfig = type.toConfig();
    const fields = Object.fromEntries(
      Object.entries(typeConfig.fields).filter(([name]) => !names.includes(name)),
    );
    return new GraphQLObjectType({ ...typeConfig, fields });
  };
  const query = strip(config.query, removed.query);
  const mutation = strip(config.mutation, removed.mutation);
  const types = config.types.map((type) => {
    if (type === config.query) return query!;
    if (type === config.mutation) return mutation!;
    return type;
  });
  return new GraphQLSchema({ ...config, query, mutation, types });
}
