//! What a catalog row cannot hold and an OpenAPI document needs: the
//! schema of the Rust type of each code's exposed members and details
//! value.
//!
//! The derive writes `Catalog::__schema`, which shows a [`SchemaVisitor`]
//! these per code. The schema of a member's type is picked in generated code
//! by autoref specialization (`(&&SchemaProbe::<T>::NEW).__errcat_schema()`):
//! a type with a `utoipa::PartialSchema` (which `ToSchema` implies) gets
//! its own, any other an open
//! schema. Generated code never tests a feature; without `utoipa`, only the
//! open case exists and a [`SchemaFn`] returns nothing.

use core::marker::PhantomData;

/// The schema of one member's type, computed on demand.
#[cfg(feature = "utoipa")]
pub type SchemaFn = fn() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>;

/// Without `utoipa`, there is no schema to compute.
#[cfg(not(feature = "utoipa"))]
pub type SchemaFn = fn();

/// Shown each code's exposed members and details value by
/// `Catalog::__schema`.
pub trait SchemaVisitor {
    /// The error with `code` exposes a member called `name`, whose type's
    /// schema `schema` returns.
    fn member(&mut self, code: &'static str, name: &'static str, schema: SchemaFn);
    /// The error with `code` has a details value (a field, or a template's
    /// text), whose type's schema `schema` returns.
    fn details(&mut self, code: &'static str, schema: SchemaFn);
}

/// A type, without a value, for the schema probe.
pub struct SchemaProbe<T: ?Sized>(PhantomData<fn() -> *const T>);

impl<T: ?Sized> SchemaProbe<T> {
    /// The probe of `T`.
    pub const NEW: Self = SchemaProbe(PhantomData);
}

/// Picks the schema of a probed type: `(&&SchemaProbe::<T>::NEW).__errcat_schema()`.
pub trait SchemaOf {
    /// The schema function of the probed type.
    fn __errcat_schema(&self) -> SchemaFn;
}

/// A type with a schema of its own: strings, numbers, collections of them,
/// types deriving `ToSchema`.
#[cfg(feature = "utoipa")]
impl<T: utoipa::PartialSchema + ?Sized> SchemaOf for &SchemaProbe<T> {
    fn __errcat_schema(&self) -> SchemaFn {
        <T as utoipa::PartialSchema>::schema
    }
}

/// Any other type: an open schema.
impl<T: ?Sized> SchemaOf for SchemaProbe<T> {
    fn __errcat_schema(&self) -> SchemaFn {
        #[cfg(feature = "utoipa")]
        {
            || {
                use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaType};
                let any = ObjectBuilder::new().schema_type(SchemaType::AnyValue);
                utoipa::openapi::RefOr::T(Schema::Object(any.build()))
            }
        }
        #[cfg(not(feature = "utoipa"))]
        {
            || {}
        }
    }
}
