import { GraphQLError, GraphQLScalarType } from 'graphql';
import { ReceivedUpload } from './received-upload';

/**
 * The `Upload` scalar of the GraphQL multipart request spec. Its value is a file the
 * multipart middleware has already read completely, so resolvers never wait on a stream
 * (waiting on one part while the client is still sending another is what hung uploads).
 */
export const GraphQLUpload = new GraphQLScalarType<ReceivedUpload, never>({
  name: 'Upload',
  description: 'The `Upload` scalar type represents a file upload.',
  parseValue(value) {
    if (value instanceof ReceivedUpload) return value;
    throw new GraphQLError('Upload value invalid: send files as a multipart request (graphql-multipart-request-spec).');
  },
  parseLiteral(node) {
    throw new GraphQLError('Upload literal unsupported.', { nodes: node });
  },
  serialize() {
    throw new GraphQLError('Upload serialization unsupported.');
  },
});
