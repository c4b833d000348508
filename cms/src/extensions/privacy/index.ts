export { assertPrivateFields, MUST_BE_PRIVATE } from './private-fields';
export {
  CONTACT_FIELDS,
  ErasureError,
  checkErasureRequest,
  eraseAskerData,
  type ErasureRequest,
  type ErasureResult,
} from './erase';
